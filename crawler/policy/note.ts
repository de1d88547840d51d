import type { Classification, Risk } from '../model/classification.ts';
import { isPlainName } from './names.ts';
import { RATE_PER_MINUTE } from './policy-json.ts';

/** What to allow instead of a hidden tool, by what made it critical. */
const INSTEAD: Record<string, string> = {
  runsShellCommand: 'run the server in a disposable container or VM and allow only a fixed list of commands with an Intercept rule',
  executesCode: 'use a server that runs code in a real sandbox (container or WebAssembly), or allow it only for a supervised session',
  movesMoney: 'allow it through Intercept with an amount cap per call and a daily counter, and keep a human approving each payment',
  changesPermissions: 'manage keys and access in the provider console, or allow it only for a supervised session',
  provisionsInfrastructure: 'apply reviewed manifests from CI instead of letting an agent write them',
};

/**
 * One sentence on what the recommended policy does; for a hidden tool, what to allow instead. `risk`
 * is the risk the policy applies, stricter than the tool's own when a namesake is (`plannedTool`).
 */
export function policyNote(toolName: string, classification: Classification, risk: Risk = classification.risk): string {
  const note = noteFor(toolName, { ...classification, risk });
  return risk === classification.risk ? note
    : `${note} The policy treats it as ${risk} risk, not ${classification.risk}: the server registers another tool under this name, or one a gateway could confuse with it, and that tool is ${risk} risk.`;
}

function noteFor(toolName: string, classification: Classification): string {
  if (!isPlainName(toolName)) {
    const clients = classification.risk === 'critical' ? ' Claude Code and Codex deny it, or the whole server when they cannot name it.' : '';
    return `Leaves this tool out of policy.json and Intercept: its name cannot be written as itself (empty, blank, "*", control characters, line separators or unpaired surrogates), so default deny refuses it.${clients}`;
  }
  switch (classification.risk) {
    case 'low':
      return `Allows ${toolName} without limits, since it only reads non-sensitive data; every tool not listed stays denied.`;
    case 'medium':
    case 'high':
      return `Allows ${toolName} at most ${RATE_PER_MINUTE[classification.risk]} calls a minute per grant; every tool not listed stays denied.`;
    case 'critical': {
      const reason = classification.rules.find((rule) => INSTEAD[rule]);
      const instead = reason ? INSTEAD[reason] : 'allow it only for a supervised session with a tight rate limit';
      return `Hides ${toolName} so agents neither see nor call it; if you need it, ${instead}.`;
    }
  }
}
