import { isUtf8 } from 'node:buffer';
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { GitRefused, isGitDir, resolveHead } from '../fetch/git-head.ts';
import { recordSkipped, type SkippedEntries } from '../fetch/skipped.ts';
import { parseGitHubRepository } from './candidate.ts';
import { listCollection } from './dir.ts';

/** A repository found as a git directory: its GitHub name, where its objects are, and its HEAD. */
export interface GitRepository {
  fullName: string;
  gitDir: string;
  /** The commit HEAD names, or null when it cannot be read (then `error` says why). */
  head: string | null;
  error: string | null;
}

export interface GitListing {
  repositories: GitRepository[];
  /** Entries of DIR that are not crawled, and why. */
  skipped: SkippedEntries;
}

/**
 * Where the git directory of a mirror entry is: `owner+name/repo` (bare), `owner+name/repo/.git` (a clone),
 * or `owner+name` itself. Links are not followed at any of these levels.
 */
function gitDirOf(entry: string): string | null {
  for (const candidate of [join(entry, 'repo'), join(entry, 'repo', '.git'), entry]) {
    if (isPlainFolder(candidate) && isGitDir(candidate)) return candidate;
  }
  return null;
}

function isPlainFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Every git directory under `path`, named `owner+name` after its GitHub repository (the layout `fetch`
 * leaves under a mirror), with the commit its HEAD names. A link, a name that is not `owner+name` or a
 * folder without a git directory is listed as skipped; hidden entries and files pass silently (listCollection).
 */
export function discoverGitDirectory(path: string): GitListing {
  const { root, folders, skipped } = listCollection('git', path);
  const repositories: GitRepository[] = [];
  for (const { name, bytes } of folders) {
    const fullName = isUtf8(bytes) ? ownerAndName(name) : null;
    if (!fullName) {
      recordSkipped(skipped, name, 'not named owner+name after a GitHub repository');
      continue;
    }
    const gitDir = gitDirOf(join(root, name));
    if (!gitDir) {
      recordSkipped(skipped, name, 'no git directory (repo/, repo/.git/ or the folder itself)');
      continue;
    }
    repositories.push({ fullName, gitDir, ...head(gitDir) });
  }
  repositories.sort((a, b) => (a.fullName < b.fullName ? -1 : a.fullName > b.fullName ? 1 : 0));
  return { repositories, skipped };
}

/** `owner/name` from `owner+name`, when it names a GitHub repository; null otherwise. */
export function ownerAndName(folder: string): string | null {
  const plus = folder.indexOf('+');
  if (plus < 1) return null;
  return parseGitHubRepository(`${folder.slice(0, plus)}/${folder.slice(plus + 1)}`)?.fullName ?? null;
}

function head(gitDir: string): { head: string | null; error: string | null } {
  try {
    return { head: resolveHead(gitDir), error: null };
  } catch (error) {
    if (error instanceof GitRefused) return { head: null, error: error.message };
    throw error;
  }
}
