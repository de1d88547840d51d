import { isSkippedPath } from '../../files.ts';
import type { Node } from '../../parser.ts';
import { findType, structSchema } from './struct-schema.ts';
import { constantsOf, type RustScope } from './values.ts';

type Schema = Record<string, unknown>;

/** Files of the same folder searched for a type when no `use` names its module. */
const MAX_SIBLINGS = 30;

/**
 * The schema of the parameter struct `name`: declared in this file, in the module a `use` names
 * (`use crate::params::QueryParams;`), or in a file next to this one. Null when it is not found.
 */
export function schemaOfType(name: string, root: Node, scope: RustScope): Schema | null {
  const local = findType(root, name);
  if (local) return local.type === 'struct_item' ? structSchema(local, root, scope) : null;
  for (const path of [...moduleFilesFor(name, root, scope.file.path), ...siblingFiles(scope)]) {
    const schema = scope.context.parseFile(path, (otherRoot, otherFile) => {
      const found = findType(otherRoot, name);
      if (found?.type !== 'struct_item') return null;
      return structSchema(found, otherRoot, { ...scope, file: otherFile, constants: constantsOf(otherRoot) });
    });
    if (schema) return schema;
  }
  return null;
}

/** Candidate files for the modules `use` declarations import `name` from. */
function moduleFilesFor(name: string, root: Node, filePath: string): string[] {
  const files: string[] = [];
  const srcRoot = crateSourceRoot(filePath);
  for (const use of root.descendantsOfType('use_declaration')) {
    const text = use?.text.replace(/\s+/g, '') ?? '';
    if (!new RegExp(`\\b${name}\\b|::\\*;`).test(text)) continue;
    const path = /^(?:pub(?:\([^)]*\))?)?use(.*?);$/.exec(text)?.[1] ?? '';
    const segments = path.replace(/::\{.*$/, '').replace(/::\*$/, '').split('::');
    if (segments[segments.length - 1] === name) segments.pop();
    const head = segments.shift();
    let base: string | null = null;
    if (head === 'crate') base = srcRoot;
    else if (head === 'super') base = moduleDir(filePath, 1);
    else if (head === 'self') base = moduleDir(filePath, 0);
    if (base === null) continue;
    const joined = [base, ...segments].filter(Boolean).join('/');
    files.push(`${joined}.rs`, `${joined}/mod.rs`);
  }
  return files;
}

/** The `src` folder of the crate a file belongs to (the nearest `src` above it). */
function crateSourceRoot(filePath: string): string {
  const parts = filePath.split('/');
  const src = parts.lastIndexOf('src');
  return src >= 0 ? parts.slice(0, src + 1).join('/') : '';
}

/** The folder holding a module's children, `up` modules above the file's own. */
function moduleDir(filePath: string, up: number): string {
  const parts = filePath.split('/');
  const fileName = parts.pop() ?? '';
  // `a/b.rs` is module b whose children live in `a/b/`; `a/mod.rs`, `lib.rs`, `main.rs` own `a/`.
  if (!/^(mod|lib|main)\.rs$/.test(fileName)) parts.push(fileName.replace(/\.rs$/, ''));
  return parts.slice(0, Math.max(0, parts.length - up)).join('/');
}

function siblingFiles(scope: RustScope): string[] {
  const dir = scope.file.path.includes('/') ? scope.file.path.slice(0, scope.file.path.lastIndexOf('/')) : '';
  return scope.context.tree
    .paths()
    .filter((path) => path !== scope.file.path && path.endsWith('.rs') && !isSkippedPath(path))
    .filter((path) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '') === dir)
    .slice(0, MAX_SIBLINGS);
}
