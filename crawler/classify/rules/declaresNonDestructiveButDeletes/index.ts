import type { Finding } from '../../../model/classification.ts';
import { actionEvidence, codeCalls, codeEvidence, compact, hintEvidence } from '../../evidence.ts';
import { finding, hasEffect } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

export function check(signals: Signals): Finding | null {
  if (signals.hints.destructiveHint?.value !== false) return null;
  const says = hasEffect(signals, 'delete') && !signals.membershipOnly && !signals.dryRun;
  const code = codeCalls(signals, 'file-delete');
  if (!says && code.length === 0) return null;
  return finding(definition, {
    evidence: compact([
      hintEvidence(signals, 'destructiveHint'),
      ...(says ? actionEvidence(signals, ['delete']) : []),
      ...code.map(codeEvidence),
    ]),
  });
}
