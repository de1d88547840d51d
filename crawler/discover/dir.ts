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

/**
 * Every subfolder of `path` is one repository (the demo corpus, tests, a user's own servers). A link is
 * never followed, even to a folder: it could lead anywhere on the machine (`/`, `/proc`). Files and
 * hidden entries are not repositories and pass silently.
 */
export function discoverDirectory(path: string): DirectoryListing {
  const root = resolve(path);
  let entries: Dirent[];
  try {
    if (!statSync(root).isDirectory()) throw new Error('not a directory');
    entries = readdirSync(root, { withFileTypes: true, encoding: 'buffer' as BufferEncoding }) as Dirent[];
  } catch (error) {
    throw new Error(`source dir:${path}: cannot read ${root} (${error instanceof Error ? error.message : String(error)})`);
  }
  const skipped = noneSkipped();
  const repositories: DiscoveredRepository[] = [];
  for (const entry of entries) {
    const bytes = entry.name as unknown as Buffer;
    const name = bytes.toString('utf8');
    if (name.startsWith('.')) continue;
    if (entry.isSymbolicLink()) {
      recordSkipped(skipped, name, 'symlink not followed (it could point outside the collection)');
    } else if (entry.isDirectory()) {
      if (isUtf8(bytes)) repositories.push({ id: `dir:${name}`, fullName: name, source: 'dir', url: null, dir: join(root, name) });
      else recordSkipped(skipped, name, 'folder name is not valid UTF-8');
    }
  }
  repositories.sort((a, b) => (a.fullName < b.fullName ? -1 : a.fullName > b.fullName ? 1 : 0));
  return { repositories, skipped };
}
