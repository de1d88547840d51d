import type { LanguageExtractor } from '../extractor.ts';
import { csharpExtractor } from './csharp/index.ts';
import { goExtractor } from './go/index.ts';
import { javaExtractor } from './java/index.ts';
import { kotlinExtractor } from './kotlin/index.ts';
import { pythonExtractor } from './python/index.ts';
import { rustExtractor } from './rust/index.ts';
import { typescriptExtractor } from './typescript/index.ts';

/** Every extractor, listed explicitly (no discovery). */
export const LANGUAGE_EXTRACTORS: readonly LanguageExtractor[] = [
  typescriptExtractor,
  pythonExtractor,
  goExtractor,
  rustExtractor,
  javaExtractor,
  kotlinExtractor,
  csharpExtractor,
];
