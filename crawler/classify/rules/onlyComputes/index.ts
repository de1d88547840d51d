import type { Finding } from '../../../model/classification.ts';
import { actionEvidence, compact, descriptionEvidence } from '../../evidence.ts';
import { MUTATING_EFFECTS } from '../../lexicon.ts';
import { finding, hasEffect } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

const SELF_CONTAINED = /\b(demonstrates?|demo|simulat(es|ed|ion)|sampling|elicitation|roots|problem[- ]solving|thoughts|thinking|reasoning|random (numbers?|integers?|values?))\b/i;

export function check(signals: Signals): Finding | null {
  if (hasEffect(signals, ...MUTATING_EFFECTS)) return null;
  const text = descriptionEvidence(signals, SELF_CONTAINED);
  if (!hasEffect(signals, 'compute') && !text) return null;
  return finding(definition, {
    category: 'read',
    risk: 'low',
    evidence: compact([...actionEvidence(signals, ['compute']), text]),
  });
}
