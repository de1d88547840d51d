import type { Finding } from '../../../model/classification.ts';
import { actionEvidence, codeCalls, codeEvidence, compact } from '../../evidence.ts';
import { CREDENTIAL_QUALIFIERS, PERMISSION_NOUNS } from '../../lexicon.ts';
import { finding, hasEffect, mentions } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

/** "api key", "ssh keys": a key is a credential only with a qualifier (a key-value store's key is not). */
function namesCredentialKey(words: string[]): boolean {
  return words.some((word, index) => (word === 'key' || word === 'keys') && CREDENTIAL_QUALIFIERS.has(words[index - 1]));
}

export function check(signals: Signals): Finding | null {
  const code = codeCalls(signals, 'iam');
  const mutates = hasEffect(signals, 'create', 'update', 'delete', 'send') || signals.actions.some((a) => a.verb === 'generate');
  const about = mentions(signals, PERMISSION_NOUNS) || namesCredentialKey(signals.nameWords)
    || (signals.objects.length === 0 && namesCredentialKey(signals.leadWords));
  if (!(mutates && about) && code.length === 0) return null;
  return finding(definition, {
    category: 'admin',
    risk: 'critical',
    tags: ['identity', 'secrets'],
    evidence: compact([
      ...(mutates && about ? actionEvidence(signals, ['create', 'update', 'delete', 'send', 'compute']) : []),
      ...code.map(codeEvidence),
    ]),
  });
}
