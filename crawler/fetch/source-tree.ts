import { join } from 'node:path';
import { DEFAULT_LOCAL_TREE_LIMITS, isCrawledFile, type LocalTreeLimits } from './archive-limits.ts';
import { readCapped, readPieces } from './read-local-file.ts';
import { walkFolder } from './walk-folder.ts';
import { noneSkipped, type SkippedEntries } from './skipped.ts';

/**
 * The files of one repository at one commit, wherever they came from (a folder on disk, an archive).
 * Paths are POSIX, relative to the repository root, sorted. Every file is within the caps of
 * `archive-limits.ts`; what was left out, and why, is in `skipped`.
 */
export interface SourceTree {
  /** Where the files came from, for messages. */
  readonly label: string;
  paths(): readonly string[];
  /** The file's bytes, or null when it is missing or unreadable. */
  read(path: string): Buffer | null;
  /**
   * The same bytes in pieces, for reading a file of any size in constant memory (hashing). Each piece is
   * valid only until the next is asked for.
   */
  readPieces(path: string): Iterable<Buffer>;
  /** The file's size in bytes, or null when it is missing. */
  size(path: string): number | null;
  /** Entries of the repository left out (links, files over a cap, unreadable folders), and why. */
  readonly skipped: SkippedEntries;
}

/**
 * A folder on disk, within the same caps as an archive. Symbolic links are not followed (a crawled
 * repository could point anywhere); what cannot be read is left out with the reason, the rest is kept.
 */
export function localTree(dir: string, limits: LocalTreeLimits = DEFAULT_LOCAL_TREE_LIMITS): SourceTree {
  const { sizes, skipped } = walkFolder(dir, limits);
  const paths = [...sizes.keys()].sort();
  const capOf = (path: string): number => (isCrawledFile(path) ? limits.maxFileBytes : limits.maxDataFileBytes);
  return {
    label: dir,
    skipped,
    paths: () => paths,
    size: (path) => sizes.get(path) ?? null,
    read: (path) => (sizes.has(path) ? readCapped(join(dir, path), capOf(path)) : null),
    readPieces: (path) => (sizes.has(path) ? readPieces(join(dir, path), capOf(path)) : []),
  };
}

/** An in-memory tree, for tests and archives. */
export function memoryTree(label: string, files: Record<string, string | Buffer>, skipped: SkippedEntries = noneSkipped()): SourceTree {
  const paths = Object.keys(files).sort();
  const bytes = (path: string): Buffer | null => {
    const value = files[path];
    if (value === undefined) return null;
    return typeof value === 'string' ? Buffer.from(value) : value;
  };
  return {
    label, skipped, paths: () => paths, read: bytes, size: (path) => bytes(path)?.length ?? null,
    readPieces: (path) => {
      const whole = bytes(path);
      return whole ? [whole] : [];
    },
  };
}
