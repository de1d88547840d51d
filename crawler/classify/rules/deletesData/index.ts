import type { Finding, Tag } from '../../../model/classification.ts';
import { actionEvidence, codeCalls, codeEvidence, compact } from '../../evidence.ts';
import { FILE_NOUNS } from '../../lexicon.ts';
import { finding, hasEffect, mentions } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

const RECOVERABLE = /\b(trash|recycle bin|soft[- ]delete|archive[sd]?|can be (restored|recovered|undone)|recoverable|undo)\b/i;

export function check(signals: Signals): Finding | null {
  // A handler removing its own temporary file is cleanup, not a delete the caller asked for.
  const code = codeCalls(signals, 'file-delete').filter((call) => !/\b\w*(te?mp|tmp)\w*\b/i.test(call.quote));
  const says = hasEffect(signals, 'delete') && !signals.membershipOnly && !signals.dryRun;
  if (!says && code.length === 0) return null;
  const recoverable = RECOVERABLE.test(signals.description) || signals.actions.some((a) => a.verb === 'trash');
  const tags: Tag[] = mentions(signals, FILE_NOUNS) || code.length > 0 ? ['filesystem'] : [];
  return finding(definition, {
    message: recoverable ? 'Deletes data that the description says can be recovered.' : definition.short,
    category: 'delete',
    risk: recoverable ? 'medium' : 'high',
    tags,
    evidence: compact([...(says ? actionEvidence(signals, ['delete']) : []), ...code.map(codeEvidence)]),
  });
}
