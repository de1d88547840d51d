import type { SourceTree } from '../fetch/source-tree.ts';
import type { DynamicTools, ExtractionWarning, Tool } from '../model/index.ts';
import type { Grammar, Node } from './parser.ts';

/** A tool as one file declares it; the engine assigns its server. */
export type ToolDraft = Omit<Tool, 'server'>;
export type DynamicDraft = Omit<DynamicTools, 'server'>;

export interface SourceFile {
  path: string;
  text: string;
  grammar: Grammar;
}

export interface FileExtraction {
  tools: ToolDraft[];
  dynamic: DynamicDraft[];
  warnings: ExtractionWarning[];
}

/** What an extractor may consult beyond its own file (cross-file constants, manifests). */
export interface ExtractContext {
  tree: SourceTree;
  /** The text of another file of the repository, or null. */
  readText(path: string): string | null;
  /**
   * Parses another file of the repository and hands its root to `use` (the tree is freed after).
   * Returns null when the file is missing, not parseable, or too large.
   */
  parseFile<T>(path: string, use: (root: Node, file: SourceFile) => T): T | null;
}

/** One SDK family of one language: cheap markers to skip files, and the extraction itself. */
export interface LanguageExtractor {
  /** Stable id used in `Tool.sdk` prefixes and messages, e.g. `typescript`. */
  id: string;
  grammars: readonly Grammar[];
  /** A file is parsed only when its text contains one of these substrings. */
  markers: readonly string[];
  extract(file: SourceFile, root: Node, context: ExtractContext): FileExtraction;
}

export function emptyExtraction(): FileExtraction {
  return { tools: [], dynamic: [], warnings: [] };
}
