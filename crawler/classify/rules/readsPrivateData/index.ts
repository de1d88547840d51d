import type { Finding, Tag } from '../../../model/classification.ts';
import { actionEvidence, compact, descriptionEvidence } from '../../evidence.ts';
import { FILE_NOUNS, INFRASTRUCTURE_NOUNS, METADATA_NOUNS, PRIVATE_NOUNS } from '../../lexicon.ts';
import { finding, hasEffect, hasVerb } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

const FILE_CONTENTS = /\bfile contents?\b|\bcontents? of (a |the |multiple |one or more |any )?files?\b/i;
const SECRET_TEXT = /\b(environment variables|secrets?|passwords?|credentials|private keys?)\b/i;
/**
 * Infrastructure nouns that do not name state when read: tools ("kubectl"), configuration files
 * ("manifest"), and words as often meant otherwise ("MCP servers", "tech stack").
 */
const NOT_STATE = new Set(['kubectl', 'helm', 'terraform', 'kubernetes', 'k8s', 'manifest', 'manifests', 'server', 'servers', 'stack', 'stacks', 'lambda', 'infrastructure']);
/** "git log", "commit history": the history of the code being worked on, not a private log. */
const CODE_HISTORY = new Set(['git', 'commit', 'commits', 'changelog']);
const HISTORY_NOUNS = new Set(['log', 'logs', 'history']);

/** A noun's private kind, singular or plural ("note" as well as "notes"). */
function privateKind(word: string) {
  return PRIVATE_NOUNS[word] ?? PRIVATE_NOUNS[`${word}s`];
}

/** A demo returns canned content, whatever its name says it returns. */
const DEMO = /\b(demonstrates?|demo|simulated|mock|fake|dummy)\b/i;

export function check(signals: Signals): Finding | null {
  if (!hasEffect(signals, 'read') || DEMO.test(signals.lead)) return null;
  const tags = new Set<Tag>();
  const head = signals.headObject;
  if (head && !METADATA_NOUNS.has(head)) {
    const codeHistory = signals.objects.some((word) => CODE_HISTORY.has(word));
    for (const word of signals.objects) {
      const kind = codeHistory && HISTORY_NOUNS.has(word) ? undefined : privateKind(word);
      if (kind) tags.add(kind);
    }
    // SPEC §5: infrastructure state (instances, pods, clusters and their addresses) is private; the
    // noun must be what is read ("list instances"), not a modifier ("the server time").
    if (INFRASTRUCTURE_NOUNS.has(head) && !NOT_STATE.has(head)) tags.add('infrastructure');
  }
  const contentsText = descriptionEvidence(signals, FILE_CONTENTS);
  const readsFiles = (hasVerb(signals, 'read', 'cat', 'tail', 'open') && signals.objects.some((w) => FILE_NOUNS.has(w) && !w.startsWith('dir'))) || contentsText !== null;
  if (readsFiles) tags.add('filesystem');
  const secretText = descriptionEvidence(signals, SECRET_TEXT);
  if (secretText) tags.add('secrets');
  if (tags.size === 0) return null;
  if (tags.has('secrets') || tags.has('messaging') || tags.has('payments') || tags.has('infrastructure')) tags.add('private-data');
  if (readsFiles) tags.add('private-data');
  return finding(definition, {
    category: 'read',
    risk: 'medium',
    tags: [...tags],
    evidence: compact([...actionEvidence(signals, ['read']), contentsText, secretText]),
  });
}
