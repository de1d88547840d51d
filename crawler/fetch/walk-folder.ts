import { isUtf8 } from 'node:buffer';
import { lstatSync, opendirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { isCrawledFile, type LocalTreeLimits } from './archive-limits.ts';
import { noneSkipped, recordSkipped, tooLarge, type SkippedEntries } from './skipped.ts';

/** Folders never worth walking: version control and installed dependencies. */
const NEVER_WALKED = new Set(['.git', '.hg', '.svn', 'node_modules', '.venv', 'venv', '__pycache__', '.tox', '.mypy_cache']);

export interface FolderListing {
  /** Files kept, by POSIX path relative to the folder, with their size when walked. */
  sizes: Map<string, number>;
  skipped: SkippedEntries;
}

/** A file found in a tree, with its size. */
export interface Found {
  path: string;
  size: number;
}

/** Why a file or folder could not be read, from its error code (never the message: it names absolute paths). */
function unreadable(what: 'file' | 'folder', error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'unknown error';
  if (code === 'ENAMETOOLONG') return `${what} path is longer than the system allows (ENAMETOOLONG)`;
  if (code === 'EACCES' || code === 'EPERM') return `${what} could not be read: permission denied (${code})`;
  return `${what} could not be read (${code})`;
}

/**
 * The entries of one folder, sorted by name, at most `budget` of them (a folder can hold millions). Names
 * are read as bytes: one that is not UTF-8 cannot be named as a repository path.
 */
function readFolder(abs: string, budget: number): Dirent[] {
  const dir = opendirSync(abs, { encoding: 'buffer' as BufferEncoding });
  const entries: Dirent[] = [];
  try {
    for (let entry = dir.readSync(); entry !== null && entries.length < budget; entry = dir.readSync()) entries.push(entry);
  } finally {
    dir.closeSync();
  }
  return entries.sort((a, b) => Buffer.compare(nameBytes(a), nameBytes(b)));
}

const nameBytes = (entry: Dirent): Buffer => entry.name as unknown as Buffer;

/**
 * Walks a folder without following links, within the limits, and says what it left out: links, FIFOs and
 * devices, names that are not UTF-8, unreadable folders, paths past PATH_MAX, files over their cap, files
 * past the per-repository total, and everything past the entry cap. Only what the extractor would have
 * read is recorded (a large image is left out silently). The folder itself must be readable.
 */
export function walkFolder(root: string, limits: LocalTreeLimits): FolderListing {
  const skipped = noneSkipped();
  const found: Found[] = [];
  let entries = 0;
  let pathBytes = 0;
  const pending = [''];
  walk: while (pending.length > 0) {
    const rel = pending.pop() as string;
    let folder: Dirent[];
    try {
      folder = readFolder(rel ? join(root, rel) : root, limits.maxEntries - entries + 1);
    } catch (error) {
      if (!rel) throw new Error(unreadable('folder', error));
      recordSkipped(skipped, rel, unreadable('folder', error));
      continue;
    }
    for (const entry of folder) {
      const bytes = nameBytes(entry);
      const name = bytes.toString('utf8');
      const path = rel ? `${rel}/${name}` : name;
      pathBytes += bytes.length + rel.length + 1;
      if (++entries > limits.maxEntries || pathBytes > limits.maxKeptBytes) {
        recordSkipped(skipped, rel || '.', `more than ${limits.maxEntries} entries or ${limits.maxKeptBytes} bytes of paths; the rest was not read`);
        break walk;
      }
      const crawled = isCrawledFile(path);
      if (!isUtf8(bytes)) {
        if (entry.isDirectory() || crawled) recordSkipped(skipped, path, 'name is not valid UTF-8');
        continue;
      }
      if (entry.isDirectory()) {
        if (!NEVER_WALKED.has(name)) pending.push(path);
      } else if (entry.isSymbolicLink()) {
        if (crawled) recordSkipped(skipped, path, 'symlink not followed');
      } else if (!entry.isFile()) {
        if (crawled) recordSkipped(skipped, path, 'not a regular file');
      } else {
        try {
          found.push({ path, size: lstatSync(join(root, path)).size });
        } catch (error) {
          if (crawled) recordSkipped(skipped, path, unreadable('file', error));
        }
      }
    }
  }
  return { sizes: keptWithinCaps(found, limits, skipped), skipped };
}

/**
 * Source and manifest files first, in path order, each under the per-file cap, until the per-repository
 * total; then other files (documents an extractor may read, like OpenAPI specs) in what remains.
 */
export function keptWithinCaps(found: Found[], limits: LocalTreeLimits, skipped: SkippedEntries): Map<string, number> {
  const byPath = (a: Found, b: Found): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const crawled = found.filter((file) => isCrawledFile(file.path)).sort(byPath);
  const others = found.filter((file) => !isCrawledFile(file.path)).sort(byPath);
  const sizes = new Map<string, number>();
  let kept = 0;
  for (const file of crawled) {
    if (file.size > limits.maxFileBytes) {
      recordSkipped(skipped, file.path, tooLarge(file.size, limits.maxFileBytes));
    } else if (kept + file.size > limits.maxKeptBytes) {
      recordSkipped(skipped, file.path, `source files exceed the ${limits.maxKeptBytes}-byte repository cap`);
    } else {
      kept += file.size;
      sizes.set(file.path, file.size);
    }
  }
  for (const file of others) {
    if (file.size > limits.maxDataFileBytes || kept + file.size > limits.maxKeptBytes) continue;
    kept += file.size;
    sizes.set(file.path, file.size);
  }
  return sizes;
}
