import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'declaresNonDestructiveButDeletes',
  short: 'Declares destructiveHint: false, yet its name, description or code deletes something.',
  motivation: 'A client may skip confirmation for a tool that promises only additive updates; a delete behind that promise surprises the user.',
  remediation: 'Ignore the hint and use the recommended policy; report the wrong annotation to the server author.',
  implies: null,
};
