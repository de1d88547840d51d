import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'createsPayableObject',
  short: 'Creates something a person can pay: a payment link, checkout session or order.',
  motivation: 'No money moves yet, but the object collects money from whoever pays it, at the amount the agent chose.',
  remediation: 'Rate-limit the tool; with Intercept, cap the amount or quantity per call.',
  implies: { category: 'financial', risk: 'medium' },
};
