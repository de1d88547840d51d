import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'readsPrivateData',
  short: 'Reads private data: file contents, email and messages, notes and logs, personal or financial records, secrets, infrastructure state.',
  motivation: 'Reading is not harmless when the data is private: what the agent reads can be sent on by the next tool call (exfiltration).',
  remediation: 'Rate-limit the tool; with Intercept, limit file tools to a path prefix; avoid pairing it with tools that send data out.',
  implies: { category: 'read', risk: 'medium' },
};
