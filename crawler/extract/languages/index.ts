import type { LanguageExtractor } from '../extractor.ts';
import { typescriptExtractor } from './typescript/index.ts';
import { pythonExtractor } from './python/index.ts';

/** Every extractor, listed explicitly (no discovery). Order only affects warning order. */
export const LANGUAGE_EXTRACTORS: readonly LanguageExtractor[] = [typescriptExtractor, pythonExtractor];
