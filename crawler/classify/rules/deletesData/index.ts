import type { Finding, Tag } from '../../../model/classification.ts';
import { actionEvidence, codeCalls, codeEvidence, compact, descriptionEvidence } from '../../evidence.ts';
import { IRREVERSIBLE, RECOVERABLE } from '../../recovery.ts';
import { FILE_NOUNS, INFRASTRUCTURE_NOUNS } from '../../lexicon.ts';
import { finding, hasEffect, mentions } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

export function check(signals: Signals): Finding | null {
  // A handler removing its own temporary file is cleanup, not a delete the caller asked for.
  const code = codeCalls(signals, 'file-delete').filter((call) => !/\b\w*(te?mp|tmp)\w*\b/i.test(call.quote));
  // "Move a note to the archive" removes it from view the way a trash does.
  const trashes = signals.movesToTrash && !signals.dryRun;
  const says = (hasEffect(signals, 'delete') && !signals.membershipOnly && !signals.dryRun) || trashes;
  if (!says && code.length === 0) return null;
  // A stated irreversibility ("permanently", "cannot be undone") outweighs any mention of a trash.
  const recoverable = signals.recovery === 'recoverable'
    || (signals.recovery === null && (trashes || signals.actions.some((a) => a.verb === 'trash')));
  const tags: Tag[] = mentions(signals, FILE_NOUNS) || code.length > 0 ? ['filesystem'] : [];
  if (mentions(signals, INFRASTRUCTURE_NOUNS)) tags.push('infrastructure');
  return finding(definition, {
    message: recoverable ? 'Deletes data that the description says can be recovered (trash, archive, recreated by a controller).' : definition.short,
    category: 'delete',
    risk: recoverable ? 'medium' : 'high',
    tags,
    evidence: compact([
      ...(says ? actionEvidence(signals, trashes ? ['delete', 'update'] : ['delete']) : []),
      recoveryEvidence(signals),
      ...code.map(codeEvidence),
    ]),
  });
}

/** The sentence that says whether the delete can be undone, so the reader sees why the risk moved. */
function recoveryEvidence(signals: Signals) {
  if (signals.recovery === 'irreversible') return descriptionEvidence(signals, IRREVERSIBLE);
  if (signals.recovery === 'recoverable') return RECOVERABLE.map((pattern) => descriptionEvidence(signals, pattern)).find((e) => e) ?? null;
  return null;
}
