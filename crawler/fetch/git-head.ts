import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { readCapped } from './read-local-file.ts';

const COMMIT = /^[0-9a-f]{40}$/;
/** A ref name we will look up: under refs/, plain characters, no `..` (it must not climb out of the git dir). */
const REF = /^refs\/[A-Za-z0-9._/-]{1,240}$/;
/** The largest HEAD or loose ref read (they hold one line). */
const MAX_REF_BYTES = 4096;
/** The largest packed-refs read: 100,000 refs of about 80 bytes. */
const MAX_PACKED_REFS_BYTES = 16 * 1024 * 1024;

/** A git directory we will not read, with the reason recorded on the repository. */
export class GitRefused extends Error {}

/** True when `dir` holds a git directory: a regular HEAD file and an objects folder, neither a link. */
export function isGitDir(dir: string): boolean {
  try {
    return lstatSync(join(dir, 'HEAD')).isFile() && lstatSync(join(dir, 'objects')).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The commit HEAD names, read from the git directory's files as data (no git runs, so no config is read):
 * a detached commit id, or a branch as a loose ref or in packed-refs. Links are never followed.
 */
export function resolveHead(gitDir: string): string {
  const head = readCapped(join(gitDir, 'HEAD'), MAX_REF_BYTES)?.toString('utf8').trim();
  if (head === undefined) throw new GitRefused('HEAD cannot be read (missing, a link or too large)');
  if (COMMIT.test(head)) return head;
  const ref = /^ref: (\S+)$/.exec(head)?.[1];
  if (!ref || !REF.test(ref) || ref.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    throw new GitRefused(`HEAD is neither a commit id nor a branch: ${JSON.stringify(head.slice(0, 100))}`);
  }
  const loose = readCapped(join(gitDir, ref), MAX_REF_BYTES)?.toString('utf8').trim();
  if (loose !== undefined) {
    if (COMMIT.test(loose)) return loose;
    throw new GitRefused(`${ref} is not a commit id`);
  }
  const packed = readCapped(join(gitDir, 'packed-refs'), MAX_PACKED_REFS_BYTES)?.toString('utf8') ?? '';
  for (const line of packed.split('\n')) {
    const [sha, name] = line.trim().split(' ');
    if (name === ref && COMMIT.test(sha)) return sha;
  }
  throw new GitRefused(`HEAD names ${ref}, which is neither a loose nor a packed ref (an empty repository?)`);
}

/**
 * Refuses an object store that names others (`objects/info/alternates`): its objects could come from
 * anywhere on the machine.
 */
export function checkObjectStore(gitDir: string): void {
  for (const file of ['alternates', 'http-alternates']) {
    try {
      lstatSync(join(gitDir, 'objects', 'info', file));
    } catch {
      continue;
    }
    throw new GitRefused(`objects/info/${file} names other object stores; not read`);
  }
}
