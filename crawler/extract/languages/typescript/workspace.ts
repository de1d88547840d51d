import { posix } from 'node:path';
import type { SourceTree } from '../../../fetch/source-tree.ts';

/** A package of a monorepo: its folder and the dependencies its package.json names. */
export interface WorkspacePackage {
  dir: string;
  dependencies: string[];
  main: string | null;
}

const cache = new WeakMap<SourceTree, Map<string, WorkspacePackage>>();

/**
 * The packages this repository holds, by npm name: an import of `@repo/common/src/x` or a
 * dependency on `@repo/common` (`workspace:*`) names code that is in the repository.
 */
export function workspacePackages(tree: SourceTree): Map<string, WorkspacePackage> {
  const known = cache.get(tree);
  if (known) return known;
  const found = new Map<string, WorkspacePackage>();
  for (const path of tree.paths()) {
    if (!path.endsWith('package.json') || (path !== 'package.json' && !path.endsWith('/package.json')) || path.includes('node_modules/')) continue;
    const manifest = parseManifest(tree.read(path)?.toString('utf8') ?? '');
    if (!manifest || typeof manifest.name !== 'string' || found.has(manifest.name)) continue;
    const dir = posix.dirname(path);
    const dependencies = ['dependencies', 'devDependencies', 'peerDependencies'].flatMap((field) => Object.keys((manifest[field] as object) ?? {}));
    const main = typeof manifest.main === 'string' ? manifest.main : typeof manifest.types === 'string' ? manifest.types : null;
    found.set(manifest.name, { dir: dir === '.' ? '' : dir, dependencies, main });
  }
  cache.set(tree, found);
  return found;
}

/** The workspace package an import specifier starts with, and the rest of the specifier. */
export function workspaceImport(tree: SourceTree, specifier: string): { pkg: WorkspacePackage; subpath: string } | null {
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, nameLength).join('/');
  const pkg = workspacePackages(tree).get(name);
  return pkg ? { pkg, subpath: parts.slice(nameLength).join('/') } : null;
}

function parseManifest(text: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
