import { skippedWarnings } from '../fetch/skipped.ts';
import type { SourceTree } from '../fetch/source-tree.ts';
import type { DynamicTools, Extraction, ExtractionWarning, Server, Tool } from '../model/index.ts';
import type { ExtractContext, LanguageExtractor, SourceFile } from './extractor.ts';
import { MAX_SOURCE_BYTES, grammarOf, isSkippedPath } from './files.ts';
import { LANGUAGE_EXTRACTORS } from './languages/index.ts';
import { extractManifests } from './manifests/mcpb.ts';
import { loadGrammars, parse } from './parser.ts';
import { detectServers, serverOf } from './servers.ts';

export type { LanguageExtractor } from './extractor.ts';

/** Decodes a source file, or says why it cannot be read as source. */
function decode(bytes: Buffer): { text: string; warning?: string } | { text: null; warning: string } {
  if (bytes.subarray(0, 8000).includes(0)) return { text: null, warning: 'binary file skipped' };
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) return { text, warning: 'invalid UTF-8 replaced with U+FFFD' };
  return { text };
}

function compareTools(a: Tool, b: Tool): number {
  return a.server.localeCompare(b.server) || a.file.localeCompare(b.file) || a.line - b.line || a.name.localeCompare(b.name);
}

/**
 * Extracts every tool definition of one repository, statically. Never throws for bad input in a
 * file: the file gets a warning and everything else is extracted.
 */
export async function extractRepository(tree: SourceTree, repoName: string): Promise<Extraction> {
  await loadGrammars();
  const servers = detectServers(tree, repoName);
  const warnings: ExtractionWarning[] = [];
  const drafts: Omit<Tool, 'server'>[] = [];
  const dynamicDrafts: Omit<DynamicTools, 'server'>[] = [];
  // What the tree left out (links, files over a cap, unreadable folders) is said, not silently missing.
  warnings.push(...skippedWarnings(tree.skipped));

  const sourceOf = (path: string): SourceFile | null => {
    const grammar = grammarOf(path);
    const size = tree.size(path);
    if (!grammar || size === null || size > MAX_SOURCE_BYTES) return null;
    const bytes = tree.read(path);
    if (!bytes) return null;
    const decoded = decode(bytes);
    return decoded.text === null ? null : { path, text: decoded.text, grammar };
  };
  const context: ExtractContext = {
    tree,
    readText: (path) => tree.read(path)?.toString('utf8') ?? null,
    parseFile(path, use) {
      const file = sourceOf(path);
      return file ? parse(file.grammar, file.text, (root) => use(root, file)) : null;
    },
  };

  for (const path of tree.paths()) {
    if (isSkippedPath(path)) continue;
    const grammar = grammarOf(path);
    if (!grammar) continue;
    const extractors = LANGUAGE_EXTRACTORS.filter((e) => e.grammars.includes(grammar));
    if (extractors.length === 0) continue;
    const size = tree.size(path) ?? 0;
    if (size > MAX_SOURCE_BYTES) {
      warnings.push({ file: path, message: `file of ${size} bytes is larger than ${MAX_SOURCE_BYTES}; not parsed` });
      continue;
    }
    const bytes = tree.read(path);
    if (!bytes) {
      warnings.push({ file: path, message: 'file could not be read' });
      continue;
    }
    const decoded = decode(bytes);
    if (decoded.warning) warnings.push({ file: path, message: decoded.warning });
    if (decoded.text === null) continue;
    const text = decoded.text;
    for (const extractor of extractors) {
      if (!extractor.markers.some((marker) => text.includes(marker))) continue;
      runExtractor(extractor, { path, text, grammar }, context, drafts, dynamicDrafts, warnings);
    }
  }

  // Manifests list names a server declares; code is primary, so a tool the code declared is not
  // repeated, whether the manifest uses its name or a display name with the same description.
  const manifests = extractManifests(tree);
  const keyOf = (file: string, part: string | null): string => `${serverOf(servers, file)?.path ?? '.'}\u0000${part}`;
  const declared = new Set(drafts.flatMap((draft) => [keyOf(draft.file, draft.name), keyOf(draft.file, firstSentence(draft.description))]));
  drafts.push(...manifests.tools.filter((tool) => !declared.has(keyOf(tool.file, tool.name))
    && !(tool.description && declared.has(keyOf(tool.file, firstSentence(tool.description))))));
  dynamicDrafts.push(...manifests.dynamic);
  warnings.push(...manifests.warnings);

  const fallback: Server = { path: '.', name: repoName, language: 'unknown', sdk: 'unknown', sdkVersion: null };
  const usedServers = new Map<string, Server>();
  const place = (file: string, sdk: string): string => {
    const server = serverOf(servers, file) ?? { ...fallback, sdk, language: languageOfSdk(sdk) };
    if (!usedServers.has(server.path)) usedServers.set(server.path, server);
    return server.path;
  };
  const tools = drafts.map((draft) => ({ ...draft, server: place(draft.file, draft.sdk) })).sort(compareTools);
  const dynamic = dynamicDrafts
    .map((draft) => ({ ...draft, server: place(draft.file, 'unknown') }))
    .sort((a, b) => a.server.localeCompare(b.server) || a.file.localeCompare(b.file) || a.line - b.line);
  return {
    servers: [...usedServers.values()].sort((a, b) => a.path.localeCompare(b.path)),
    tools,
    dynamic,
    warnings: warnings.sort((a, b) => a.file.localeCompare(b.file) || a.message.localeCompare(b.message)),
  };
}

function runExtractor(
  extractor: LanguageExtractor,
  file: SourceFile,
  context: ExtractContext,
  tools: Omit<Tool, 'server'>[],
  dynamic: Omit<DynamicTools, 'server'>[],
  warnings: ExtractionWarning[],
): void {
  try {
    const result = parse(file.grammar, file.text, (root) => extractor.extract(file, root, context));
    if (!result) {
      warnings.push({ file: file.path, message: `${extractor.id}: the parser gave up on this file` });
      return;
    }
    tools.push(...result.tools);
    dynamic.push(...result.dynamic);
    warnings.push(...result.warnings);
  } catch (error) {
    warnings.push({ file: file.path, message: `${extractor.id}: ${error instanceof Error ? error.message : String(error)}` });
  }
}

/** A description's first sentence, whitespace collapsed, for matching a manifest entry to code. */
function firstSentence(description: string | null): string | null {
  if (!description) return null;
  return description.replace(/\s+/g, ' ').trim().split(/(?<=[.!?])\s/)[0].toLowerCase();
}

function languageOfSdk(sdk: string): string {
  if (sdk.startsWith('ts-')) return 'TypeScript';
  if (sdk.startsWith('py-')) return 'Python';
  if (sdk.startsWith('go-')) return 'Go';
  if (sdk.startsWith('rust-')) return 'Rust';
  if (sdk.startsWith('java-')) return 'Java';
  if (sdk.startsWith('kotlin-')) return 'Kotlin';
  if (sdk.startsWith('csharp-')) return 'C#';
  return 'unknown';
}
