import type { Finding } from '../../../model/classification.ts';
import { actionEvidence, compact, leadEvidence } from '../../evidence.ts';
import { finding, hasEffect } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

export function check(signals: Signals): Finding | null {
  if (!signals.sessionOnly || !hasEffect(signals, 'create', 'update', 'session')) return null;
  return finding(definition, {
    category: 'write',
    risk: 'low',
    evidence: compact([...actionEvidence(signals, ['session']), signals.lead ? leadEvidence(signals) : null]),
  });
}
