import type { Finding } from '../../../model/classification.ts';
import { actionEvidence, compact } from '../../evidence.ts';
import { CONFIGURATION_NOUNS } from '../../lexicon.ts';
import { finding, hasEffect, mentions } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

export function check(signals: Signals): Finding | null {
  if (!mentions(signals, CONFIGURATION_NOUNS) || !hasEffect(signals, 'create', 'update') || signals.sessionOnly) return null;
  return finding(definition, {
    category: 'admin',
    risk: 'medium',
    tags: ['infrastructure'],
    evidence: compact(actionEvidence(signals, ['create', 'update'])),
  });
}
