import { emptyExtraction, type LanguageExtractor } from '../../extractor.ts';

// Placeholder until the typescript extractor lands.
export const typescriptExtractor: LanguageExtractor = {
  id: 'typescript',
  grammars: [],
  markers: [],
  extract: () => emptyExtraction(),
};
