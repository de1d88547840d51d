import type { Finding } from '../../../model/classification.ts';
import { actionEvidence, codeCalls, codeEvidence, compact, descriptionEvidence } from '../../evidence.ts';
import { FILE_NOUNS } from '../../lexicon.ts';
import { finding, hasEffect, hasVerb, mentions } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

const OVERWRITES = ['write', 'edit', 'modify', 'overwrite', 'replace', 'patch', 'append', 'save', 'put', 'update'];
/** "Write the counts to a new CSV file": the target is created, nothing existing is replaced. */
const NEW_FILE_ONLY = /\b(to|into|as) (a |one )?new (\w+ ){0,2}files?\b/i;
const OVERWRITE_TEXT = /\boverwrit(e|es|ing)\b|\b(edits?|modif(y|ies)|replac(e|es|ing)) [^.]{0,30}\b(files?|text|contents?)\b/i;

export function check(signals: Signals): Finding | null {
  const code = codeCalls(signals, 'file-write');
  const onFiles = mentions(signals, FILE_NOUNS) || /\bfiles?\b/i.test(signals.lead);
  const says = onFiles && hasEffect(signals, 'create', 'update') && !signals.dryRun;
  if (!says && code.length === 0) return null;
  const overwriteText = descriptionEvidence(signals, OVERWRITE_TEXT);
  const newFileOnly = NEW_FILE_ONLY.test(signals.lead) && !/\bexisting\b/i.test(signals.description);
  const overwrites = says && ((hasVerb(signals, ...OVERWRITES) && !newFileOnly) || overwriteText !== null);
  return finding(definition, {
    message: overwrites ? 'Overwrites or edits file content.' : 'Creates, moves or copies files and directories.',
    category: 'write',
    risk: overwrites ? 'high' : 'medium',
    tags: ['filesystem'],
    evidence: compact([...(says ? actionEvidence(signals, ['create', 'update']) : []), overwriteText, ...code.map(codeEvidence)]),
  });
}
