import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'changesData',
  short: 'Creates or modifies data or state.',
  motivation: 'A write changes what the user or their team sees next; most are reversible, but an agent can make many in a minute.',
  remediation: 'Rate-limit the tool (the recommended policy allows 30 calls a minute).',
  implies: { category: 'write', risk: 'medium' },
};
