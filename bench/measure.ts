// Wall time, CPU time and peak RSS of one child process, as /usr/bin/time -v reports them (shared by
// the benchmarks in scripts/bench-*.ts).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '..');

export interface Measured { wall_s: number; cpu_s: number; peak_rss_mb: number; stdout: string }

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Runs `node --import tsx <script> args` under /usr/bin/time -v, from the repository root. */
export function measure(script: string, args: string[]): Measured {
  const run = spawnSync('/usr/bin/time', ['-v', process.execPath, '--import', 'tsx', script, ...args], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`${script} failed (${run.status}):\n${run.stderr.slice(-4000)}`);
  const wall = run.stderr.match(/Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/);
  const rss = run.stderr.match(/Maximum resident set size \(kbytes\): (\d+)/);
  const user = run.stderr.match(/User time \(seconds\): ([\d.]+)/);
  const system = run.stderr.match(/System time \(seconds\): ([\d.]+)/);
  if (!wall || !rss) throw new Error(`no /usr/bin/time figures:\n${run.stderr.slice(-2000)}`);
  return { wall_s: Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]), cpu_s: round(Number(user?.[1] ?? 0) + Number(system?.[1] ?? 0)), peak_rss_mb: Math.round(Number(rss[1]) / 1024), stdout: run.stdout };
}
