import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'declaresReadOnlyButWrites',
  short: 'Declares readOnlyHint: true, yet its name, description or code changes something.',
  motivation: 'Clients that trust the hint may auto-approve the tool; the MCP specification calls annotations untrusted for this reason.',
  remediation: 'Ignore the hint and use the recommended policy; report the wrong annotation to the server author.',
  implies: null,
};
