import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

/** Our own git, isolated from the machine's config, for making fixture repositories. */
const GIT_ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/nonexistent', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };

function git(gitDir: string, args: string[], input?: string | Buffer): string {
  return execFileSync('git', [`--git-dir=${gitDir}`, ...args], { env: GIT_ENV, input, maxBuffer: 64 * 1024 * 1024 }).toString('utf8').trim();
}

/** One entry of a commit: a file's text, a link's target, a submodule's commit, or a blob the store lacks. */
export type Entry =
  | { file: string | Buffer }
  | { symlink: string }
  | { submodule: string }
  | { missingBlob: string };

/** An empty bare repository at `gitDir`, HEAD on `main`. */
export function initBare(gitDir: string): void {
  mkdirSync(gitDir, { recursive: true });
  execFileSync('git', ['init', '--quiet', '--bare', gitDir], { env: GIT_ENV });
  git(gitDir, ['symbolic-ref', 'HEAD', 'refs/heads/main']);
}

/**
 * Commits `entries` (paths to contents) on `main` with plumbing only (hash-object, mktree, commit-tree),
 * so links, submodules and missing blobs can be written as they are; returns the commit id.
 */
export function commit(gitDir: string, entries: Record<string, Entry>, message = 'fixture'): string {
  const tree = writeTree(gitDir, Object.entries(entries));
  const parent = tryHead(gitDir);
  const id = git(gitDir, ['-c', 'user.name=Fixture', '-c', 'user.email=fixture@example.invalid', 'commit-tree', tree, '-m', message, ...(parent ? ['-p', parent] : [])]);
  git(gitDir, ['update-ref', 'refs/heads/main', id]);
  return id;
}

function tryHead(gitDir: string): string | null {
  try {
    return git(gitDir, ['rev-parse', '--verify', '--quiet', 'refs/heads/main']);
  } catch {
    return null;
  }
}

function writeTree(gitDir: string, entries: [string, Entry][]): string {
  const lines: string[] = [];
  const folders = new Map<string, [string, Entry][]>();
  for (const [path, entry] of entries) {
    const slash = path.indexOf('/');
    if (slash >= 0) {
      const folder = path.slice(0, slash);
      folders.set(folder, [...(folders.get(folder) ?? []), [path.slice(slash + 1), entry]]);
      continue;
    }
    if ('file' in entry) lines.push(`100644 blob ${git(gitDir, ['hash-object', '-w', '--stdin'], entry.file)}\t${path}`);
    else if ('symlink' in entry) lines.push(`120000 blob ${git(gitDir, ['hash-object', '-w', '--stdin'], entry.symlink)}\t${path}`);
    else if ('submodule' in entry) lines.push(`160000 commit ${entry.submodule}\t${path}`);
    else lines.push(`100644 blob ${entry.missingBlob}\t${path}`);
  }
  for (const [folder, inner] of folders) lines.push(`040000 tree ${writeTree(gitDir, inner)}\t${folder}`);
  return git(gitDir, ['mktree', '--missing'], `${lines.join('\n')}\n`);
}
