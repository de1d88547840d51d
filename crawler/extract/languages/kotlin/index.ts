import { emptyExtraction, type LanguageExtractor } from '../../extractor.ts';

// Placeholder until the Kotlin extractor lands.
export const kotlinExtractor: LanguageExtractor = {
  id: 'kotlin',
  grammars: [],
  markers: [],
  extract: () => emptyExtraction(),
};
