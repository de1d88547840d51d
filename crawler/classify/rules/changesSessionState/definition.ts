import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'changesSessionState',
  short: 'Changes only session-local or simulated state (current connection, a demo toggle).',
  motivation: 'Switching the current database or closing the connection changes what later calls touch, but nothing outside the session.',
  remediation: 'Allow it; review the tools that act on the selected target instead.',
  implies: { category: 'write', risk: 'low' },
};
