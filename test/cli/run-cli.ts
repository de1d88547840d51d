import { execFile } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'mcp-risk.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real executable, as a user would; `uid` runs it as another user (tests running as root). */
export function cli(args: string[], env: Record<string, string | undefined> = {}, options: { uid?: number; gid?: number } = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, GITHUB_TOKEN: '', ...env }, maxBuffer: 32 * 1024 * 1024, ...options }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}
