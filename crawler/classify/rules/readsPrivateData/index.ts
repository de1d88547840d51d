import type { Finding, Tag } from '../../../model/classification.ts';
import { actionEvidence, compact, descriptionEvidence } from '../../evidence.ts';
import { FILE_NOUNS, METADATA_NOUNS, PRIVATE_NOUNS } from '../../lexicon.ts';
import { finding, hasEffect, hasVerb } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

const FILE_CONTENTS = /\bfile contents?\b|\bcontents? of (a |the |multiple |one or more |any )?files?\b/i;
const SECRET_TEXT = /\b(environment variables|secrets?|passwords?|credentials|private keys?)\b/i;

export function check(signals: Signals): Finding | null {
  if (!hasEffect(signals, 'read')) return null;
  const tags = new Set<Tag>();
  const head = signals.headObject;
  if (head && !METADATA_NOUNS.has(head)) {
    for (const word of signals.objects) if (PRIVATE_NOUNS[word]) tags.add(PRIVATE_NOUNS[word]);
  }
  const contentsText = descriptionEvidence(signals, FILE_CONTENTS);
  const readsFiles = (hasVerb(signals, 'read', 'cat', 'tail', 'open') && signals.objects.some((w) => FILE_NOUNS.has(w) && !w.startsWith('dir'))) || contentsText !== null;
  if (readsFiles) tags.add('filesystem');
  const secretText = descriptionEvidence(signals, SECRET_TEXT);
  if (secretText) tags.add('secrets');
  if (tags.size === 0) return null;
  if (tags.has('secrets') || tags.has('messaging') || tags.has('payments')) tags.add('private-data');
  if (readsFiles) tags.add('private-data');
  return finding(definition, {
    category: 'read',
    risk: 'medium',
    tags: [...tags],
    evidence: compact([...actionEvidence(signals, ['read']), contentsText, secretText]),
  });
}
