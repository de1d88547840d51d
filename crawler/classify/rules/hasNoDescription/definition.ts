import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'hasNoDescription',
  short: 'The tool has no description the crawler could read.',
  motivation: 'Without a description the name is the only clue, and the model itself will guess what the tool does; that is too little to rate it safely.',
  remediation: 'Treat the tool as unknown until someone reads its handler; ask the author for a description.',
  implies: null,
};
