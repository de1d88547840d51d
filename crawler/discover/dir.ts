import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/** A repository to crawl, as a discovery source names it. */
export interface DiscoveredRepository {
  id: string;
  fullName: string;
  source: string;
  url: string | null;
  /** Where its files are: a local folder. */
  dir: string;
}

/** Every subfolder of `path` is one repository (the demo corpus, tests, a user's own servers). */
export function discoverDirectory(path: string): DiscoveredRepository[] {
  const root = resolve(path);
  let entries: string[];
  try {
    if (!statSync(root).isDirectory()) throw new Error('not a directory');
    entries = readdirSync(root);
  } catch (error) {
    throw new Error(`source dir:${path}: cannot read ${root} (${error instanceof Error ? error.message : String(error)})`);
  }
  return entries
    .filter((name) => !name.startsWith('.') && statSync(join(root, name)).isDirectory())
    .sort()
    .map((name) => ({ id: `dir:${basename(name)}`, fullName: name, source: 'dir', url: null, dir: join(root, name) }));
}
