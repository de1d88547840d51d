import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'installsPackages',
  short: 'Installs packages chosen by the caller, which runs their install code.',
  motivation: 'pip and npm run arbitrary code from the package at install time; a typo-squatted name is enough to compromise the host.',
  remediation: 'Rate-limit the tool and, with Intercept, allow only package names from a reviewed list.',
  implies: { category: 'execute', risk: 'high' },
};
