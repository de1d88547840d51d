import { createReadStream, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { GitHubClient } from '../github/client.ts';
import { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './archive-limits.ts';
import { ArchiveRefused, packFiles, readArchive, type ArchiveRead } from './archive-tree.ts';
import { readCapped } from './read-local-file.ts';
import { SkippedEntries } from './skipped.ts';

export interface ArchiveRequest {
  fullName: string;
  sha: string;
}

export interface FetchedArchive extends ArchiveRead {
  /** True when it came from the cache, not the archive host. */
  cached: boolean;
}

/**
 * The filtered files of one repository at one commit: from the cache when present (archives at a commit
 * never change), else one tarball from the archive host (codeload: no API budget), cached after filtering.
 */
export async function fetchArchive(client: GitHubClient, request: ArchiveRequest, options: { cacheDir?: string; limits?: ArchiveLimits } = {}): Promise<FetchedArchive> {
  if (!/^[0-9a-f]{40}$/.test(request.sha)) throw new ArchiveRefused(`not a commit id: ${request.sha}`);
  const cacheFile = options.cacheDir ? join(options.cacheDir, `${request.sha}.tar.gz`) : null;
  if (cacheFile) {
    const cached = await readCache(cacheFile, options.limits);
    if (cached) return { ...cached, cached: true };
  }
  const [owner, name] = request.fullName.split('/');
  const url = `${client.endpoints.archiveUrl}/${encodeURIComponent(owner)}/${encodeURIComponent(name)}/tar.gz/${request.sha}`;
  const response = await client.fetch(url);
  if (!response.body) throw new ArchiveRefused('empty archive response');
  const read = await readArchive(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), options.limits ?? DEFAULT_ARCHIVE_LIMITS);
  if (cacheFile && options.cacheDir) {
    mkdirSync(options.cacheDir, { recursive: true });
    const temp = `${cacheFile}.${process.pid}.tmp`;
    await packFiles(read.files, temp);
    // The entries left out are not in the packed files: kept beside them, so a cached read warns alike.
    writeFileSync(skippedFile(cacheFile), JSON.stringify(read.skipped));
    renameSync(temp, cacheFile);
  }
  return { ...read, cached: false };
}

const skippedFile = (cacheFile: string): string => cacheFile.replace(/\.tar\.gz$/, '.skipped.json');

/** Bytes of a skipped-entries record: a full sample of long paths is a few KB. */
const MAX_SKIPPED_RECORD_BYTES = 64 * 1024;

/**
 * A cached archive, streamed under the same limits, with what was left out of it; null when absent or
 * unreadable (then it is downloaded again). A cache written before the record existed skipped nothing known.
 */
async function readCache(file: string, limits?: ArchiveLimits): Promise<ArchiveRead | null> {
  const read = await readArchive(createReadStream(file), limits ?? DEFAULT_ARCHIVE_LIMITS).catch(() => null);
  if (!read) return null;
  const record = readCapped(skippedFile(file), MAX_SKIPPED_RECORD_BYTES);
  if (!record) return read;
  try {
    return { ...read, skipped: SkippedEntries.parse(JSON.parse(record.toString('utf8'))) };
  } catch {
    return null;
  }
}
