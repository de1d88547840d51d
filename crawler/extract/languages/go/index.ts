import { emptyExtraction, type LanguageExtractor } from '../../extractor.ts';

// Placeholder until the go extractor lands.
export const goExtractor: LanguageExtractor = {
  id: 'go',
  grammars: [],
  markers: [],
  extract: () => emptyExtraction(),
};
