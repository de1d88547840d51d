import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'executesCode',
  short: 'Runs caller-supplied code in a general-purpose interpreter.',
  motivation: 'An interpreter on the host (Python exec, Node eval, Blender or notebook kernels) has the same reach as a shell: files, secrets, network.',
  remediation: 'Hide the tool, or use a server that runs code in a real sandbox (container, WebAssembly) with no host filesystem or credentials.',
  implies: { category: 'execute', risk: 'critical on the host; high in a constrained context (web page, sandbox)' },
};
