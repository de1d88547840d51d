import { emptyExtraction, type LanguageExtractor } from '../../extractor.ts';

// Placeholder until the java extractor lands.
export const javaExtractor: LanguageExtractor = {
  id: 'java',
  grammars: [],
  markers: [],
  extract: () => emptyExtraction(),
};
