import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'changesConfiguration',
  short: 'Creates or changes service configuration: domains, DNS, settings, feature flags.',
  motivation: 'Configuration holds no user data but decides how the service behaves for everyone; a wrong change is reversible but visible.',
  remediation: 'Rate-limit the tool; keep production configuration changes in reviewed code.',
  implies: { category: 'admin', risk: 'medium' },
};
