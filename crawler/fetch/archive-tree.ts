import { createWriteStream } from 'node:fs';
import { createGunzip, createGzip } from 'node:zlib';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { DEFAULT_ARCHIVE_LIMITS, isCrawledFile, type ArchiveLimits } from './archive-limits.ts';
import { noneSkipped, recordSkipped, tooLarge, type SkippedEntries } from './skipped.ts';
import { memoryTree, type SourceTree } from './source-tree.ts';

/** An archive we will not read, with the reason recorded on the repository (SPEC §10). */
export class ArchiveRefused extends Error {}

export interface ArchiveRead {
  files: Map<string, Buffer>;
  /** Entries left out, and why (symlink, too large): a count and a bounded sample. */
  skipped: SkippedEntries;
  compressedBytes: number;
  expandedBytes: number;
}

/** Counts bytes passing through and refuses past a limit. */
function counter(onBytes: (total: number) => void): Transform & { total: number } {
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      stream.total += chunk.length;
      try {
        onBytes(stream.total);
      } catch (error) {
        callback(error as Error);
        return;
      }
      callback(null, chunk);
    },
  }) as Transform & { total: number };
  stream.total = 0;
  return stream;
}

/** Longest path kept, as on Linux (PATH_MAX): a checkout could not hold a longer one either. */
const MAX_PATH_BYTES = 4096;

/** The path inside the repository: the top-level `owner-repo-sha/` folder stripped, escapes refused. */
function repositoryPath(name: string): string | null {
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw new ArchiveRefused(`absolute path in archive: ${JSON.stringify(name.slice(0, 200))}`);
  const parts = name.split('/');
  if (parts.includes('..')) throw new ArchiveRefused(`path escapes the archive root: ${JSON.stringify(name.slice(0, 200))}`);
  const rest = parts.slice(1).filter((p) => p !== '' && p !== '.');
  return rest.length === 0 ? null : rest.join('/');
}

/**
 * Streams a gzip tarball and keeps only source and manifest files, within the limits: no symlinks,
 * no paths outside the root, a per-file and a per-archive cap (paths count towards it), a
 * decompression-bomb guard. What is left out is counted, with a bounded sample: an archive of a million
 * links costs no more than one of ten. A truncated or corrupt stream is refused.
 */
export async function readArchive(source: Readable, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS, keep: (path: string) => boolean = isCrawledFile): Promise<ArchiveRead> {
  const result: ArchiveRead = { files: new Map(), skipped: noneSkipped(), compressedBytes: 0, expandedBytes: 0 };
  let kept = 0;
  let entries = 0;
  const compressed = counter((total) => {
    result.compressedBytes = total;
  });
  const expanded = counter((total) => {
    result.expandedBytes = total;
    if (total > limits.maxExpandedBytes) throw new ArchiveRefused(`decompression bomb: more than ${limits.maxExpandedBytes} bytes expanded`);
    if (total > 16 * 1024 * 1024 && total / Math.max(1, result.compressedBytes) > limits.maxRatio) {
      throw new ArchiveRefused(`decompression bomb: expands more than ${limits.maxRatio}× (${total} bytes from ${result.compressedBytes})`);
    }
  });
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    // Errors surface through the pipeline; an entry's own error event must not crash the process.
    stream.on('error', () => {});
    const drain = (): void => {
      stream.on('end', () => next());
      stream.resume();
    };
    try {
      if (++entries > limits.maxEntries) throw new ArchiveRefused(`more than ${limits.maxEntries} entries`);
      const path = repositoryPath(header.name);
      if (path === null || !keep(path)) return drain();
      if (header.type === 'symlink' || header.type === 'link') {
        recordSkipped(result.skipped, path, `${header.type} not followed`);
        return drain();
      }
      if (header.type !== 'file') return drain();
      const size = header.size ?? 0;
      if (size > limits.maxFileBytes) {
        recordSkipped(result.skipped, path, tooLarge(size, limits.maxFileBytes));
        return drain();
      }
      if (Buffer.byteLength(path) > MAX_PATH_BYTES) {
        recordSkipped(result.skipped, path, `path longer than ${MAX_PATH_BYTES} bytes`);
        return drain();
      }
      kept += size + path.length;
      if (kept > limits.maxKeptBytes) throw new ArchiveRefused(`source files exceed the ${limits.maxKeptBytes}-byte archive cap`);
    } catch (error) {
      extract.destroy(error as Error);
      return;
    }
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: unknown) => {
      chunks.push(chunk as Buffer);
    });
    stream.on('end', () => {
      const path = repositoryPath(header.name);
      if (path) result.files.set(path, Buffer.concat(chunks));
      next();
    });
  });
  try {
    await pipeline(source, compressed, createGunzip(), expanded, extract);
  } catch (error) {
    if (error instanceof ArchiveRefused) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (/unexpected end|premature|terminated|aborted|incorrect header|invalid|unexpected/i.test(message)) {
      throw new ArchiveRefused(`truncated or corrupt archive (${message})`);
    }
    throw error;
  }
  return result;
}

/**
 * A SourceTree over the kept files; `subfolders` (registry monorepo entries) restrict it, and the skipped
 * entries with it while their sample is complete (past that, the archive's count stands).
 */
export function archiveTree(label: string, files: Map<string, Buffer>, subfolders: string[] = [], skipped: SkippedEntries = noneSkipped()): SourceTree {
  const prefixes = subfolders.map((s) => s.replace(/^\/+|\/+$/g, '')).filter(Boolean);
  const within = (path: string): boolean => prefixes.length === 0 || prefixes.some((p) => path === p || path.startsWith(`${p}/`));
  const chosen: Record<string, Buffer> = {};
  for (const [path, bytes] of files) {
    if (within(path)) chosen[path] = bytes;
  }
  const complete = skipped.count === skipped.sample.length;
  const sample = skipped.sample.filter((entry) => within(entry.path));
  return memoryTree(label, chosen, complete ? { count: sample.length, sample } : skipped);
}

/** Packs kept files into a gzip tarball at `file` for the cache (same layout as codeload: one top folder), streamed. */
export async function packFiles(files: Map<string, Buffer>, file: string): Promise<void> {
  const pack = tar.pack();
  for (const [path, bytes] of [...files].sort(([a], [b]) => a.localeCompare(b))) pack.entry({ name: `cache/${path}` }, bytes);
  pack.finalize();
  await pipeline(pack, createGzip(), createWriteStream(file));
}
