import { isUtf8 } from 'node:buffer';
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { noneSkipped, recordSkipped, type SkippedEntries } from '../fetch/skipped.ts';

/** A repository to crawl, as a discovery source names it. */
export interface DiscoveredRepository {
  id: string;
  fullName: string;
  source: string;
  url: string | null;
  /** Where its files are: a local folder. */
  dir: string;
}

export interface DirectoryListing {
  repositories: DiscoveredRepository[];
  /** Entries of the collection that are not crawled, and why (links, names that are not UTF-8). */
  skipped: SkippedEntries;
}

/** The subfolders of a collection (`dir:` or `git:`), by name as bytes; what is passed over is in `skipped`. */
export interface Collection {
  root: string;
  folders: { name: string; bytes: Buffer }[];
  skipped: SkippedEntries;
}

/**
 * The folders directly under `path`. A link is never followed, even to a folder: it could lead anywhere
 * on the machine (`/`, `/proc`); it is listed as skipped. Files and hidden entries pass silently.
 */
export function listCollection(kind: 'dir' | 'git', path: string): Collection {
  const root = resolve(path);
  let entries: Dirent[];
  try {
    if (!statSync(root).isDirectory()) throw new Error('not a directory');
    entries = readdirSync(root, { withFileTypes: true, encoding: 'buffer' as BufferEncoding }) as Dirent[];
  } catch (error) {
    throw new Error(`source ${kind}:${path}: cannot read ${root} (${error instanceof Error ? error.message : String(error)})`);
  }
  const skipped = noneSkipped();
  const folders: Collection['folders'] = [];
  for (const entry of entries) {
    const bytes = entry.name as unknown as Buffer;
    const name = bytes.toString('utf8');
    if (name.startsWith('.')) continue;
    if (entry.isSymbolicLink()) recordSkipped(skipped, name, 'symlink not followed (it could point outside the collection)');
    else if (entry.isDirectory()) folders.push({ name, bytes });
  }
  return { root, folders, skipped };
}

/** Every subfolder of `path` is one repository (the demo corpus, tests, a user's own servers). */
export function discoverDirectory(path: string): DirectoryListing {
  const { root, folders, skipped } = listCollection('dir', path);
  const repositories: DiscoveredRepository[] = [];
  for (const { name, bytes } of folders) {
    if (isUtf8(bytes)) repositories.push({ id: `dir:${name}`, fullName: name, source: 'dir', url: null, dir: join(root, name) });
    else recordSkipped(skipped, name, 'folder name is not valid UTF-8');
  }
  repositories.sort((a, b) => (a.fullName < b.fullName ? -1 : a.fullName > b.fullName ? 1 : 0));
  return { repositories, skipped };
}
