import { createRequire } from 'node:module';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';

export type { Node, Tree };

/**
 * Grammars we parse, each a wasm file (no native build): @vscode/tree-sitter-wasm's set, and Kotlin
 * from tree-sitter-wasms, which the vscode set lacks.
 */
export const GRAMMARS = {
  typescript: '@vscode/tree-sitter-wasm/wasm/tree-sitter-typescript.wasm',
  tsx: '@vscode/tree-sitter-wasm/wasm/tree-sitter-tsx.wasm',
  javascript: '@vscode/tree-sitter-wasm/wasm/tree-sitter-javascript.wasm',
  python: '@vscode/tree-sitter-wasm/wasm/tree-sitter-python.wasm',
  go: '@vscode/tree-sitter-wasm/wasm/tree-sitter-go.wasm',
  rust: '@vscode/tree-sitter-wasm/wasm/tree-sitter-rust.wasm',
  java: '@vscode/tree-sitter-wasm/wasm/tree-sitter-java.wasm',
  csharp: '@vscode/tree-sitter-wasm/wasm/tree-sitter-c-sharp.wasm',
  kotlin: 'tree-sitter-wasms/out/tree-sitter-kotlin.wasm',
} as const;
export type Grammar = keyof typeof GRAMMARS;

const require = createRequire(import.meta.url);
let ready: Promise<void> | undefined;
const parsers = new Map<Grammar, Parser>();

/** Loads the wasm runtime and every grammar once; parsing is synchronous afterwards. */
export async function loadGrammars(): Promise<void> {
  ready ??= (async () => {
    await Parser.init();
    for (const grammar of Object.keys(GRAMMARS) as Grammar[]) {
      const language = await Language.load(require.resolve(GRAMMARS[grammar]));
      const parser = new Parser();
      parser.setLanguage(language);
      parsers.set(grammar, parser);
    }
  })();
  await ready;
}

/**
 * Parses `text` and hands the root node to `use`, deleting the tree afterwards: trees live in wasm
 * memory, which the garbage collector does not see. Returns null when the parser gives up.
 * `loadGrammars()` must have completed.
 */
export function parse<T>(grammar: Grammar, text: string, use: (root: Node) => T): T | null {
  const parser = parsers.get(grammar);
  if (!parser) throw new Error(`grammar ${grammar} is not loaded: await loadGrammars() first`);
  const tree = parser.parse(text);
  if (!tree) return null;
  try {
    return use(tree.rootNode);
  } finally {
    tree.delete();
  }
}
