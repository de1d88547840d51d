import type { Finding } from '../../../model/classification.ts';
import { actionEvidence, compact } from '../../evidence.ts';
import { DELIVERY_NOUNS } from '../../lexicon.ts';
import { finding, hasEffect, mentions } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

export function check(signals: Signals): Finding | null {
  if (!mentions(signals, DELIVERY_NOUNS) || !hasEffect(signals, 'create', 'update')) return null;
  return finding(definition, {
    category: 'admin',
    risk: 'high',
    tags: ['network'],
    evidence: compact(actionEvidence(signals, ['create', 'update'])),
  });
}
