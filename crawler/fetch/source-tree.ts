import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The files of one repository at one commit, wherever they came from (a folder on disk, an archive).
 * Paths are POSIX, relative to the repository root, sorted.
 */
export interface SourceTree {
  /** Where the files came from, for messages. */
  readonly label: string;
  paths(): readonly string[];
  /** The file's bytes, or null when it is missing or unreadable. */
  read(path: string): Buffer | null;
  /** The file's size in bytes, or null when it is missing. */
  size(path: string): number | null;
}

/** Folders never worth walking: version control and installed dependencies. */
const NEVER_WALKED = new Set(['.git', '.hg', '.svn', 'node_modules', '.venv', 'venv', '__pycache__', '.tox', '.mypy_cache']);

/** A folder on disk. Symbolic links are not followed (a crawled repository could point anywhere). */
export function localTree(dir: string): SourceTree {
  const sizes = new Map<string, number>();
  const walk = (abs: string, rel: string): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!NEVER_WALKED.has(entry.name)) walk(join(abs, entry.name), relPath);
      } else if (entry.isFile()) {
        sizes.set(relPath, lstatSync(join(abs, entry.name)).size);
      }
    }
  };
  walk(dir, '');
  const paths = [...sizes.keys()].sort();
  return {
    label: dir,
    paths: () => paths,
    size: (path) => sizes.get(path) ?? null,
    read(path) {
      if (!sizes.has(path)) return null;
      try {
        return readFileSync(join(dir, path));
      } catch {
        return null;
      }
    },
  };
}

/** An in-memory tree, for tests and archives. */
export function memoryTree(label: string, files: Record<string, string | Buffer>): SourceTree {
  const paths = Object.keys(files).sort();
  const bytes = (path: string): Buffer | null => {
    const value = files[path];
    if (value === undefined) return null;
    return typeof value === 'string' ? Buffer.from(value) : value;
  };
  return { label, paths: () => paths, read: bytes, size: (path) => bytes(path)?.length ?? null };
}
