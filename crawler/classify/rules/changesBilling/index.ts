import type { Finding } from '../../../model/classification.ts';
import { actionEvidence, compact } from '../../evidence.ts';
import { finding, hasEffect, mentions } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

const BILLING = new Set(['subscription', 'subscriptions', 'invoice', 'invoices', 'dispute', 'disputes', 'billing', 'plan', 'plans']);

/** Creating a draft is a reversible write; changing or ending an existing one is a billing change. */
export function check(signals: Signals): Finding | null {
  if (!mentions(signals, BILLING)) return null;
  if (hasEffect(signals, 'create') || !hasEffect(signals, 'update', 'delete')) return null;
  return finding(definition, {
    category: 'financial',
    risk: 'high',
    tags: ['payments'],
    evidence: compact(actionEvidence(signals, ['update', 'delete'])),
  });
}
