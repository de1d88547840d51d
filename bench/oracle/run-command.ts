import { spawn } from 'node:child_process';

export interface CommandResult {
  code: number | null;
  /** stdout and stderr interleaved, the last 256 KB. */
  output: string;
  stdout: string;
  timedOut: boolean;
}

/**
 * Runs one of our own tools (npm, pip, python's venv) to completion and collects its output. Never
 * throws: a program that cannot start is a failed result whose output says why.
 */
export function runCommand(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<CommandResult> {
  return new Promise((resolve) => {
    let output = '';
    let stdout = '';
    let timedOut = false;
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-256 * 1024);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      stdout = (stdout + chunk.toString('utf8')).slice(-4 * 1024 * 1024);
      keep(chunk);
    });
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, output: `${output}\n${error.message}`, stdout, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, stdout, timedOut });
    });
  });
}
