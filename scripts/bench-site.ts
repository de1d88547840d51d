// `npm run bench:site` (SPEC §9, issue 6): builds the site from synthetic catalogs and, in the same run,
// the template-string baseline; writes bench/results/site.json. Each build runs in its own child
// process under /usr/bin/time -v (wall time and peak RSS of the process and its children).
//   tsx scripts/bench-site.ts [--sizes 10000,50000,100000,200000] [--tmp /dev/shm] [--out bench/results/site.json]
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { measure, round } from '../bench/measure.ts';
import { generateCatalog } from '../bench/site/synthetic-catalog.ts';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const sizes = option('sizes', '10000,50000,100000,200000').split(',').map(Number);
// tmpfs by default: the figures measure the writers, not this VM's disk (reference/stack-notes.md).
const tmpRoot = option('tmp', existsSync('/dev/shm') ? '/dev/shm' : '/tmp');
const outFile = resolve(option('out', 'bench/results/site.json'));
// `--search false` skips the (separately measured) search index, e.g. for the largest sizes.
const withSearch = option('search', 'true') !== 'false';

const results = [];
for (const tools of sizes) {
  const dir = mkdtempSync(join(tmpRoot, 'mcp-risk-bench-site-'));
  try {
    const db = join(dir, 'catalog.sqlite');
    const generated = generateCatalog(db, tools);
    const loadBefore = loadAverage();
    console.error(`${tools} tools in ${generated.servers} servers (load ${loadBefore}): baseline…`);
    const baseline = measure('bench/site/baseline.ts', [db, join(dir, 'baseline')]);
    rmSync(join(dir, 'baseline'), { recursive: true, force: true });
    console.error(`  baseline ${baseline.wall_s.toFixed(1)} s; site…`);
    const site = measure('bench/site/build-site.ts', [db, join(dir, 'site'), '--no-search']);
    const build = JSON.parse(site.stdout.trim().split('\n').pop()!) as { pages: number; toolPages: number; timings: { pages: number; exports: number } };
    // The target covers the pages (tool, server, browse); the exports are included. The search
    // index (Pagefind) is built over the same output in a second child process, so that its wall time
    // and peak RSS are measured apart; site_with_search_* adds both.
    console.error(`  site ${site.wall_s.toFixed(1)} s, ${site.peak_rss_mb} MB${withSearch ? '; search index…' : ''}`);
    const search = withSearch ? measure('bench/site/phase.ts', ['search', db, join(dir, 'site')]) : { wall_s: NaN, cpu_s: NaN, peak_rss_mb: 0, stdout: '{"result":{"pages":0,"pagefindPeakRssMb":null}}' };
    const searched = (JSON.parse(search.stdout.trim().split('\n').pop()!) as { result: { pages: number; pagefindPeakRssMb: number | null } }).result;
    const indexed = searched.pages;
    // Pagefind's service is killed, not waited for, so time -v misses it: its VmHWM is read before.
    const searchPeak = Math.max(search.peak_rss_mb, searched.pagefindPeakRssMb ?? 0);
    const row = {
      tools, servers: generated.servers, pages: build.pages,
      site_wall_s: round(site.wall_s), baseline_wall_s: round(baseline.wall_s), ratio: round(site.wall_s / baseline.wall_s),
      site_peak_rss_mb: site.peak_rss_mb, baseline_peak_rss_mb: baseline.peak_rss_mb,
      site_cpu_s: site.cpu_s, baseline_cpu_s: baseline.cpu_s,
      search_index_s: round(search.wall_s), search_peak_rss_mb: searchPeak, search_node_peak_rss_mb: search.peak_rss_mb, pagefind_peak_rss_mb: searched.pagefindPeakRssMb, search_records: indexed,
      site_with_search_wall_s: round(site.wall_s + search.wall_s), ratio_with_search: round((site.wall_s + search.wall_s) / baseline.wall_s),
      site_with_search_peak_rss_mb: Math.max(site.peak_rss_mb, searchPeak),
      phases_s: { pages: round(build.timings.pages), exports: round(build.timings.exports) },
      load_average_before: loadBefore,
    };
    console.error(`  site ${row.site_wall_s} s (ratio ${row.ratio}), search ${row.search_index_s} s / ${row.search_peak_rss_mb} MB (Pagefind ${row.pagefind_peak_rss_mb} MB), peak ${row.site_peak_rss_mb} MB`);
    results.push(row);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function loadAverage(): string {
  try { return readFileSync('/proc/loadavg', 'utf8').trim(); } catch { return ''; }
}
const load = loadAverage();
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify({
  measured: new Date().toISOString(),
  machine: { cpus: cpus().length, memory_gb: Math.round(totalmem() / 2 ** 30), node: process.version, output: tmpRoot, output_fs_type: statfsSync(tmpRoot).type, load_average_at_end: load },
  command: `tsx scripts/bench-site.ts --sizes ${sizes.join(',')} --tmp ${tmpRoot}${withSearch ? '' : ' --search false'}`,
  results,
}, null, 2)}\n`);
console.error(`wrote ${outFile}`);
