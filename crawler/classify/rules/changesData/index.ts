import type { Finding } from '../../../model/classification.ts';
import { actionEvidence, compact } from '../../evidence.ts';
import { finding, hasEffect } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

export function check(signals: Signals): Finding | null {
  // Removing a member from a group changes the group; the member itself stays.
  const unlinks = signals.membershipOnly && hasEffect(signals, 'delete');
  if (!(hasEffect(signals, 'create', 'update') || unlinks) || signals.sessionOnly || signals.dryRun) return null;
  return finding(definition, {
    message: unlinks ? 'Removes a membership or link; the item itself is kept.' : definition.short,
    category: 'write',
    risk: 'medium',
    evidence: compact(actionEvidence(signals, ['create', 'update', 'delete'])),
  });
}
