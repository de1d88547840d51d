import { execFile } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'mcp-risk.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Options for node itself, before the executable (`--import` a fault-injecting preload). */
  nodeArgs?: string[];
  /** Run as this user and group (a non-root reader, where the test runs as root). */
  uid?: number;
  gid?: number;
}

/** Runs the real executable, as a user would; GITHUB_TOKEN is unset unless `env` sets it. */
export function cli(args: string[], env: Record<string, string | undefined> = {}, options: RunOptions = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
      cwd: ROOT, env: { ...process.env, GITHUB_TOKEN: '', ...env }, maxBuffer: 32 * 1024 * 1024, uid: options.uid, gid: options.gid,
    }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}
