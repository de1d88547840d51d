import type { Finding } from '../../../model/classification.ts';
import { actionEvidence, compact } from '../../evidence.ts';
import { finding, hasEffect } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

const PAYABLE = /\b(payment ?links?|checkout ?sessions?|payment ?requests?|orders?|quotes?|payment ?pages?)\b/i;

export function check(signals: Signals): Finding | null {
  if (!hasEffect(signals, 'create')) return null;
  if (!PAYABLE.test(signals.nameWords.join(' ')) && !PAYABLE.test(signals.lead)) return null;
  return finding(definition, {
    category: 'financial',
    risk: 'medium',
    tags: ['payments'],
    evidence: compact(actionEvidence(signals, ['create'])),
  });
}
