import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'runsShellCommand',
  short: 'Runs shell or operating-system commands chosen by the caller.',
  motivation: 'A shell on the host can read every secret, install anything and reach any network the server can; one injected prompt becomes remote code execution.',
  remediation: 'Hide the tool. If the user needs it, run the server in a disposable container or VM and allow only a fixed list of commands.',
  implies: { category: 'execute', risk: 'critical (high when the description says it is sandboxed)' },
};
