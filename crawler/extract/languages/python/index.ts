import { emptyExtraction, type LanguageExtractor } from '../../extractor.ts';

// Placeholder until the python extractor lands.
export const pythonExtractor: LanguageExtractor = {
  id: 'python',
  grammars: [],
  markers: [],
  extract: () => emptyExtraction(),
};
