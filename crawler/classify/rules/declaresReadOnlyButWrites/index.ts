import type { Finding } from '../../../model/classification.ts';
import type { CodeCallKind } from '../../code-calls.ts';
import { actionEvidence, codeEvidence, compact, hintEvidence } from '../../evidence.ts';
import { MUTATING_EFFECTS } from '../../lexicon.ts';
import { finding, hasEffect } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

const WRITING_CODE: CodeCallKind[] = ['shell', 'eval', 'file-write', 'file-delete', 'payment', 'mail', 'iam'];

export function check(signals: Signals): Finding | null {
  if (signals.hints.readOnlyHint?.value !== true) return null;
  const says = hasEffect(signals, ...MUTATING_EFFECTS) && !signals.dryRun && !signals.sessionOnly;
  const code = signals.code.filter((call) => WRITING_CODE.includes(call.kind));
  if (!says && code.length === 0) return null;
  return finding(definition, {
    evidence: compact([
      hintEvidence(signals, 'readOnlyHint'),
      ...(says ? actionEvidence(signals, MUTATING_EFFECTS) : []),
      ...code.map(codeEvidence),
    ]),
  });
}
