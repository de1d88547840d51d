import type { Finding } from '../../../model/classification.ts';
import { codeCalls, codeEvidence, compact, descriptionEvidence, nameEvidence, paramEvidence } from '../../evidence.ts';
import { finding, hasEffect } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

const SHELL_TEXT = /\b(shell|terminal|bash|zsh|powershell|cmd\.exe|command[- ]line|system|os|cli) (commands?|scripts?)\b|\b(run|execute)s? (a |an |any |arbitrary )?(shell|bash|terminal|powershell) ?(commands?|scripts?)?\b|\bin (a|the) (shell|terminal)\b|\b(aws|gcloud|az|kubectl) (cli )?commands?\b/i;
const SHELL_NAME = new Set(['shell', 'bash', 'terminal', 'powershell', 'cmd', 'zsh']);
const SANDBOXED = /\b(sandbox(ed)?|isolated container|disposable (vm|container))\b/i;

export function check(signals: Signals): Finding | null {
  const text = descriptionEvidence(signals, SHELL_TEXT);
  const named = signals.nameWords.some((word) => SHELL_NAME.has(word))
    || (hasEffect(signals, 'run') && signals.nameWords.includes('command'));
  const param = hasEffect(signals, 'run')
    ? signals.params.find((p) => p.words.includes('command') || p.words.includes('cmd'))
    : undefined;
  const code = codeCalls(signals, 'shell');
  if (!text && !named && !param && code.length === 0) return null;
  const sandboxed = SANDBOXED.test(signals.description) && code.length === 0;
  // pip_install runs `[sys.executable, "-m", "pip", "install", name]`: the program is fixed and
  // the caller picks only a package, which SPEC §5 rates high.
  const context = !text && !named && !param && code.every((call) => call.fixedProgram) ? signals.constrainedContext : null;
  return finding(definition, {
    message: sandboxed ? 'Runs commands in what the description calls a sandbox.'
      : context ? `Starts a fixed program for a ${context}; the caller chooses its arguments, not the command.` : definition.short,
    category: 'execute',
    risk: sandboxed || context ? 'high' : 'critical',
    tags: ['shell'],
    evidence: compact([
      named ? nameEvidence(signals) : null,
      text,
      param ? paramEvidence(param.name, param.description) : null,
      ...code.map(codeEvidence),
    ]),
  });
}
