import type { Finding } from '../../../model/classification.ts';
import { nameEvidence } from '../../evidence.ts';
import { finding } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

export function check(signals: Signals): Finding | null {
  if (signals.description.length > 0) return null;
  return finding(definition, { evidence: [nameEvidence(signals)] });
}
