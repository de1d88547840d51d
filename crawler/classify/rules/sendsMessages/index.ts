import type { Finding } from '../../../model/classification.ts';
import { actionEvidence, codeCalls, codeEvidence, compact } from '../../evidence.ts';
import { finding, hasEffect, hasVerb, mentions } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

const LIGHT = new Set(['comment', 'comments', 'reaction', 'reactions', 'emoji', 'review', 'reviews']);

export function check(signals: Signals): Finding | null {
  const code = codeCalls(signals, 'mail');
  const sends = hasEffect(signals, 'send');
  if (!sends && code.length === 0) return null;
  const light = sends && (hasVerb(signals, 'comment', 'react') || mentions(signals, LIGHT));
  return finding(definition, {
    message: light ? 'Posts comments or reactions on behalf of the user.' : definition.short,
    category: 'communicate',
    risk: light ? 'medium' : 'high',
    tags: ['messaging'],
    evidence: compact([...(sends ? actionEvidence(signals, ['send']) : []), ...code.map(codeEvidence)]),
  });
}
