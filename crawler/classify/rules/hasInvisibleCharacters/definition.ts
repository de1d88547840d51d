import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'hasInvisibleCharacters',
  short: 'The name, description or a parameter description holds invisible or bidirectional Unicode.',
  motivation: 'Zero-width, tag and bidi-override characters hide text from a human reviewer while the model still reads it.',
  remediation: 'Do not connect the server until the text is clean; review the raw bytes of the description.',
  implies: null,
};
