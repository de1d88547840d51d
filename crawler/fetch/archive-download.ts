import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { GitHubClient } from '../github/client.ts';
import { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './archive-limits.ts';
import { ArchiveRefused, packFiles, readArchive, type ArchiveRead } from './archive-tree.ts';

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
    writeFileSync(temp, await packFiles(read.files));
    renameSync(temp, cacheFile);
  }
  return { ...read, cached: false };
}

/** A cached archive, or null when absent or unreadable (then it is downloaded again). */
async function readCache(file: string, limits?: ArchiveLimits): Promise<ArchiveRead | null> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  return readArchive(Readable.from([bytes]), limits ?? DEFAULT_ARCHIVE_LIMITS).catch(() => null);
}
