import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'onlyReadsData',
  short: 'Only reads, lists or searches; no side effects are stated.',
  motivation: 'Reads of public or non-sensitive data (metadata, listings, public lookups) carry the least risk: cost and exposure of what is listed.',
  remediation: 'Allow it.',
  implies: { category: 'read', risk: 'low' },
};
