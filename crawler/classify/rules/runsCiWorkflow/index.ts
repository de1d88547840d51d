import type { Finding } from '../../../model/classification.ts';
import { actionEvidence, compact, leadEvidence } from '../../evidence.ts';
import { finding, hasVerb } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

/** Verbs that start a run; "trigger" and "dispatch" are not in the lexicon, where they mean little alone. */
const STARTS = new Set(['trigger', 'dispatch', 'rerun', 'retry', 'kick']);

export function check(signals: Signals): Finding | null {
  if (signals.constrainedContext !== 'CI workflow' || signals.dryRun) return null;
  const opening = [signals.nameWords[0], signals.leadWords[0]].filter((word): word is string => word !== undefined);
  const starts = hasVerb(signals, 'run', 'execute', 'start', 'restart', 'launch', 'invoke')
    || opening.some((word) => STARTS.has(word) || STARTS.has(word.replace(/e?s$/, '')));
  if (!starts) return null;
  return finding(definition, {
    category: 'execute',
    risk: 'high',
    tags: ['code'],
    evidence: compact([...actionEvidence(signals, ['run', 'update']), signals.lead ? leadEvidence(signals) : null]),
  });
}
