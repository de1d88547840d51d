import { emptyExtraction, type LanguageExtractor } from '../../extractor.ts';

// Placeholder until the rust extractor lands.
export const rustExtractor: LanguageExtractor = {
  id: 'rust',
  grammars: [],
  markers: [],
  extract: () => emptyExtraction(),
};
