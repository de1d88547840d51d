import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'fetchesArbitraryUrl',
  short: 'Makes requests to URLs or hosts the caller chooses.',
  motivation: 'A caller-chosen URL reaches internal services (SSRF, cloud metadata), can carry data out in the query string, and brings untrusted content back into the conversation.',
  remediation: 'Rate-limit the tool and, with Intercept, allow only the hosts the user needs.',
  implies: { category: 'network', risk: 'high' },
};
