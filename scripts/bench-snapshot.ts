// `npm run bench:snapshot` (issue 12): the wall time and peak RSS of importing the committed snapshot
// (data/snapshot/) and building the site from it, search index included — what `npm start` does before
// it serves. Target: under 3 minutes on this machine. Writes bench/results/snapshot-build.json.
//   tsx scripts/bench-snapshot.ts [--snapshot data/snapshot] [--tmp /tmp] [--out bench/results/snapshot-build.json]
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { measure, round } from '../bench/measure.ts';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const snapshot = resolve(option('snapshot', 'data/snapshot'));
const tmpRoot = option('tmp', '/tmp');
const outFile = resolve(option('out', 'bench/results/snapshot-build.json'));
const loadAverage = (): string => {
  try { return readFileSync('/proc/loadavg', 'utf8').trim(); } catch { return ''; }
};

const dir = mkdtempSync(join(tmpRoot, 'mcp-risk-bench-snapshot-'));
try {
  const before = loadAverage();
  const run = measure('bench/snapshot/import-and-build.ts', [snapshot, join(dir, 'catalog.sqlite'), join(dir, 'site')]);
  const phases = JSON.parse(run.stdout.trim().split('\n').pop() as string) as { counts: { tools: number }; pages: number; import_s: number; build_s: number; timings: Record<string, number> };
  const result = {
    measured: new Date().toISOString(),
    machine: { cpus: cpus().length, memory_gb: Math.round(totalmem() / 2 ** 30), node: process.version, output: tmpRoot },
    command: `tsx scripts/bench-snapshot.ts --snapshot ${option('snapshot', 'data/snapshot')} --tmp ${tmpRoot}`,
    snapshot: phases.counts,
    pages: phases.pages,
    wall_s: round(run.wall_s), cpu_s: run.cpu_s, peak_rss_mb: run.peak_rss_mb,
    import_s: round(phases.import_s), build_s: round(phases.build_s),
    build_phases_s: Object.fromEntries(Object.entries(phases.timings).map(([k, v]) => [k, round(v)])),
    target_s: 180,
    load_average_before: before, load_average_after: loadAverage(),
  };
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
  console.error(`import ${result.import_s} s + site ${result.build_s} s = ${result.wall_s} s wall (target ${result.target_s} s), peak ${result.peak_rss_mb} MB; wrote ${outFile}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
