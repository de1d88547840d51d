import type { Finding } from '../../../model/classification.ts';
import { actionEvidence, codeCalls, codeEvidence, compact, leadEvidence } from '../../evidence.ts';
import { FILE_NOUNS } from '../../lexicon.ts';
import { finding, hasEffect, hasVerb, mentions } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

/** "transfer" also moves files and ownership; those are not money. */
const NOT_MONEY = new Set([...FILE_NOUNS, 'ownership', 'owner', 'repository', 'repo', 'domain', 'data', 'context', 'learning', 'style']);
const CAPTURES_PAYMENT = /\bcaptures? (a |the )?(payment|charge|funds)\b/i;

export function check(signals: Signals): Finding | null {
  const code = codeCalls(signals, 'payment');
  const pays = hasEffect(signals, 'pay') && !mentions(signals, NOT_MONEY);
  const captures = hasVerb(signals, 'capture') && CAPTURES_PAYMENT.test(signals.lead);
  if (!pays && !captures && code.length === 0) return null;
  return finding(definition, {
    category: 'financial',
    risk: 'critical',
    tags: ['payments'],
    evidence: compact([
      ...(pays ? actionEvidence(signals, ['pay']) : []),
      captures ? leadEvidence(signals) : null,
      ...code.map(codeEvidence),
    ]),
  });
}
