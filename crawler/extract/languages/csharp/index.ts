import { emptyExtraction, type LanguageExtractor } from '../../extractor.ts';

// Placeholder until the csharp extractor lands.
export const csharpExtractor: LanguageExtractor = {
  id: 'csharp',
  grammars: [],
  markers: [],
  extract: () => emptyExtraction(),
};
