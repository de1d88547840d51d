import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'onlyComputes',
  short: 'Only computes or returns content: calculators, conversions, echoes, demos, reasoning aids, requests to the client.',
  motivation: 'A tool that transforms its input or asks the MCP client for something (sampling, elicitation, roots) touches no data of its own.',
  remediation: 'Allow it.',
  implies: { category: 'read', risk: 'low' },
};
