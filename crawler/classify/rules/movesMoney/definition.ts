import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'movesMoney',
  short: 'Moves money: payments, refunds, charges, transfers, payouts or trades.',
  motivation: 'Money that has left an account rarely comes back; a prompt-injected agent can drain a balance in a few calls.',
  remediation: 'Hide the tool. Where an agent must pay, allow it with Intercept and cap the amount per call and per day.',
  implies: { category: 'financial', risk: 'critical' },
};
