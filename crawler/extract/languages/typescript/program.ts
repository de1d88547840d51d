import { posix } from 'node:path';
import type { ExtractContext, SourceFile } from '../../extractor.ts';
import type { Node, Tree } from '../../parser.ts';
import { resolveModulePath } from './module-paths.ts';

/** One parsed file of the repository. */
export interface Module {
  path: string;
  text: string;
  root: Node;
}

/** More files than this reached from one file means a generated or unusual layout: stop there. */
const MAX_MODULES = 300;

/**
 * The files one extraction reaches through imports. Trees of other files are copied out of the
 * engine's parse and freed by `dispose`.
 */
export class Program {
  readonly main: Module;
  private readonly modules = new Map<string, Module | null>();
  private readonly trees: Tree[] = [];
  /** Per-(file, symbol) results of the evaluator, so a shared constant is evaluated once. */
  readonly cache = new Map<string, unknown>();

  constructor(
    readonly context: ExtractContext,
    file: SourceFile,
    root: Node,
  ) {
    this.main = { path: file.path, text: file.text, root };
    this.modules.set(file.path, this.main);
  }

  /** The module an import specifier names, seen from `from`, or null when it is not ours. */
  importModule(from: Module, specifier: string): Module | null {
    const path = resolveModulePath(this.context, from.path, specifier);
    return path ? this.load(path) : null;
  }

  load(path: string): Module | null {
    const known = this.modules.get(path);
    if (known !== undefined) return known;
    if (this.modules.size >= MAX_MODULES) return null;
    const loaded = this.context.parseFile(path, (root, file) => {
      const tree = root.tree.copy();
      this.trees.push(tree);
      return { path: file.path, text: file.text, root: tree.rootNode };
    });
    this.modules.set(path, loaded);
    return loaded;
  }

  dispose(): void {
    for (const tree of this.trees) tree.delete();
    this.trees.length = 0;
  }
}

export function directoryOf(path: string): string {
  const dir = posix.dirname(path);
  return dir === '.' ? '' : dir;
}
