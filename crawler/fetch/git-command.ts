import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Settings a repository's `config` could use to make git run a program or reach the network. The crawled
 * repository's `config` is never read (see `withShadowGitDir`); these overrides hold whatever config git
 * finds, so that a change there cannot reopen the door.
 */
const NEUTRALISED = [
  'core.fsmonitor=false', 'core.hooksPath=/dev/null', 'core.pager=cat', 'core.editor=false', 'core.askPass=',
  'core.sshCommand=false', 'core.gitProxy=', 'core.alternateRefsCommand=', 'core.untrackedCache=false',
  'credential.helper=', 'protocol.allow=never', 'uploadpack.packObjectsHook=', 'gc.auto=0', 'maintenance.auto=false',
  'fetch.recurseSubmodules=false', 'submodule.recurse=false', 'diff.external=', 'sequence.editor=false',
] as const;

/**
 * Longest a git command may run, only to bound a hung process: a listing or a batch read of one repository
 * reads packs from disk, which took minutes on a loaded machine with a cold cache (ls-tree -l of a 43 MB
 * repository: 13 s alone, over 300 s beside a crawl and a test run).
 */
const TIMEOUT_MS = 30 * 60_000;

export interface GitObjects {
  /** The crawled repository's object store (`<git dir>/objects`). */
  objectsDir: string;
}

/**
 * The environment git runs in: no system or global config, no attributes file, no prompts, no lazy
 * fetch, no replace refs, nothing inherited from ours (a GIT_DIR or GIT_CONFIG_* set around us would
 * change what git reads). HOME and XDG_CONFIG_HOME point at the shadow folder, which holds no config.
 */
function environment(shadow: string, objects: GitObjects): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LANG: 'C', LC_ALL: 'C',
    HOME: shadow, XDG_CONFIG_HOME: shadow,
    GIT_DIR: shadow,
    GIT_OBJECT_DIRECTORY: objects.objectsDir,
    GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_ATTR_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0', GIT_NO_LAZY_FETCH: '1', GIT_NO_REPLACE_OBJECTS: '1', GIT_OPTIONAL_LOCKS: '0',
    GIT_PROTOCOL_FROM_USER: '0', GIT_ALLOW_PROTOCOL: '', GIT_ASKPASS: '', SSH_ASKPASS: '', GIT_PAGER: 'cat',
  };
}

/**
 * Runs `work` with a git directory of our own: a HEAD, an empty refs folder and a config we wrote, whose
 * objects come from the crawled repository (GIT_OBJECT_DIRECTORY). Git so never reads the crawled
 * repository's `config`, hooks, `info/attributes` or refs: only its objects, which are data. Removed after.
 */
export async function withShadowGitDir<T>(work: (shadow: string) => Promise<T>): Promise<T> {
  const shadow = mkdtempSync(join(tmpdir(), 'mcp-risk-git-'));
  try {
    mkdirSync(join(shadow, 'refs'));
    mkdirSync(join(shadow, 'objects'));
    writeFileSync(join(shadow, 'HEAD'), 'ref: refs/heads/none\n');
    writeFileSync(join(shadow, 'config'), '[core]\n\trepositoryformatversion = 0\n\tbare = true\n');
    return await work(shadow);
  } finally {
    rmSync(shadow, { recursive: true, force: true });
  }
}

export interface GitRun {
  /** Arguments after `git` and the safety flags, e.g. `['ls-tree', '-r', '-l', '-z', sha]`. */
  args: string[];
  /** Written to stdin, then closed. */
  input?: Buffer;
  /** Called with each piece of stdout; return false to stop reading (the process is killed). */
  onData(piece: Buffer): boolean;
}

/** A git command that failed; the message carries git's own first line, never our environment. */
export class GitError extends Error {}

/**
 * Runs one plumbing command over the shadow git directory, streaming stdout. Never through a shell;
 * never `checkout`, filters or textconv. Rejects on a non-zero exit (unless we stopped it) or a timeout.
 */
export function runGit(shadow: string, objects: GitObjects, run: GitRun): Promise<void> {
  return new Promise((resolve, reject) => {
    const flags = NEUTRALISED.flatMap((setting) => ['-c', setting]);
    const child = spawn('git', ['--no-pager', '--no-replace-objects', '--literal-pathspecs', ...flags, ...run.args], {
      env: environment(shadow, objects), cwd: shadow, stdio: ['pipe', 'pipe', 'pipe'], shell: false,
    });
    let stopped = false;
    let stderr = '';
    const timer = setTimeout(() => {
      stopped = true;
      child.kill('SIGKILL');
      reject(new GitError(`git ${run.args[0]} took longer than ${TIMEOUT_MS / 1000} s`));
    }, TIMEOUT_MS);
    child.stdout.on('data', (piece: Buffer) => {
      if (stopped) return;
      if (!run.onData(piece)) {
        stopped = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (piece: Buffer) => {
      if (stderr.length < 2000) stderr += piece.toString('utf8');
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new GitError(`cannot run git: ${error.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (stopped || code === 0) return resolve();
      const first = stderr.split('\n').find((line) => line.trim() !== '') ?? `exit code ${code}`;
      reject(new GitError(`git ${run.args[0]} failed: ${first.slice(0, 300)}`));
    });
    // A process that stopped reading (killed, or refused its input) must not crash us with EPIPE.
    child.stdin.on('error', () => {});
    child.stdin.end(run.input ?? Buffer.alloc(0));
  });
}
