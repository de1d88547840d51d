import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'changesBilling',
  short: 'Changes billing state: subscriptions, invoices, disputes or plans.',
  motivation: 'Finalizing an invoice, changing a subscription or answering a dispute changes what a customer is charged, and customers notice.',
  remediation: 'Rate-limit the tool tightly and, with Intercept, require the subscription or invoice ID to come from a reviewed list.',
  implies: { category: 'financial', risk: 'high' },
};
