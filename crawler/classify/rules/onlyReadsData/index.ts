import type { Finding } from '../../../model/classification.ts';
import { actionEvidence, compact, leadEvidence } from '../../evidence.ts';
import { MUTATING_EFFECTS } from '../../lexicon.ts';
import { finding, hasEffect } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

export function check(signals: Signals): Finding | null {
  const mutates = hasEffect(signals, ...MUTATING_EFFECTS) && !signals.dryRun;
  if (mutates || !(hasEffect(signals, 'read') || signals.dryRun)) return null;
  return finding(definition, {
    message: signals.dryRun ? 'Only previews a change (dry run); nothing is changed.' : definition.short,
    category: 'read',
    risk: 'low',
    evidence: compact([...actionEvidence(signals, ['read']), signals.dryRun && signals.lead ? leadEvidence(signals) : null]),
  });
}
