// `npm run snapshot`: regenerates the committed catalog (data/snapshot/) from the repositories of
// data/seeds.txt, then writes the label-free quality figures to bench/results/snapshot.json.
//   npm run snapshot -- --git DIR     offline: git directories under DIR named owner+name (a mirror)
//   npm run snapshot                  from GitHub: the seeds, with GITHUB_TOKEN set (the nightly job)
// Options: --db FILE (the crawl's own catalog, kept between runs so an unchanged head is not read again;
// default data/snapshot.sqlite), --fresh (start that catalog afresh: after the extractor or classifier
// changed, every repository must be read again although no head moved), --max-shrink F (refuse a
// snapshot with fewer than (1 - F) times the tools of the committed one; default 0.2), --summary FILE
// (the crawl's Markdown summary).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { main } from '../crawler/cli/main.ts';
import { parseSeeds, SEEDS_FILE } from '../crawler/discover/seeds.ts';
import { qualityFigures } from '../crawler/eval/quality.ts';
import { formatQuality } from '../crawler/eval/quality-text.ts';
import { openCatalog } from '../crawler/store/open.ts';
import { importSnapshot } from '../crawler/store/snapshot-import.ts';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const root = resolve(import.meta.dirname, '..');
const gitDir = option('git');
const db = resolve(option('db') ?? join(root, 'data', 'snapshot.sqlite'));
const maxShrink = Number(option('max-shrink') ?? 0.2);
const summary = option('summary');
const target = join(root, 'data', 'snapshot');
const next = `${target}.next`;
const results = join(root, 'bench', 'results', 'snapshot.json');

if (!gitDir && !process.env.GITHUB_TOKEN) {
  console.error('npm run snapshot: give --git DIR (git directories named owner+name) or set GITHUB_TOKEN to crawl the seeds from GitHub');
  process.exit(2);
}
const source = gitDir ? `git:${resolve(gitDir)}` : 'seeds';
const run = async (args: string[]): Promise<void> => {
  const code = await main(['node', 'mcp-risk', ...args]);
  if (code !== 0) process.exit(code);
};

if (process.argv.includes('--fresh')) for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
const started = Date.now();
await run(['crawl', '--source', source, '--db', db, ...(summary ? ['--summary', summary] : [])]);
rmSync(next, { recursive: true, force: true });
await run(['export', '--format', 'snapshot', '-o', next, '--seeds', SEEDS_FILE, '--db', db]);

// The written snapshot is imported (which validates every line) and measured as the catalog it makes.
const check = join(tmpdir(), `mcp-risk-snapshot-check-${process.pid}.sqlite`);
const counts = importSnapshot(next, check);
const catalog = openCatalog(check, { readonly: true });
const quality = qualityFigures(catalog);
catalog.close();
for (const suffix of ['', '-wal', '-shm']) rmSync(`${check}${suffix}`, { force: true });

const seeds = parseSeeds(readFileSync(SEEDS_FILE, 'utf8')).map((seed) => seed.fullName);
const lines = readFileSync(join(next, 'repositories.jsonl'), 'utf8').split('\n').filter((line) => line.trim() !== '');
const found = new Set(lines.map((line) => (JSON.parse(line) as { fullName: string }).fullName.toLowerCase()));
const missing = seeds.filter((seed) => !found.has(seed.toLowerCase()));

const previous = existsSync(join(target, 'manifest.json')) ? (JSON.parse(readFileSync(join(target, 'manifest.json'), 'utf8')) as { tools: number }).tools : 0;
if (counts.tools < previous * (1 - maxShrink)) {
  console.error(`npm run snapshot: the new snapshot has ${counts.tools} tools, the committed one ${previous}: more than ${maxShrink * 100}% fewer; kept the committed one (the new one is in ${next})`);
  process.exit(1);
}
rmSync(target, { recursive: true, force: true });
renameSync(next, target);

mkdirSync(dirname(results), { recursive: true });
writeFileSync(results, `${JSON.stringify({
  measured: new Date().toISOString(),
  command: `npm run snapshot${gitDir ? ' -- --git DIR' : ''}`,
  source: gitDir ? 'git directories (offline mirror)' : 'GitHub (seeds)',
  seconds: Math.round((Date.now() - started) / 1000),
  seeds: seeds.length,
  seedsNotInSnapshot: missing,
  snapshot: counts,
  quality,
}, null, 2)}\n`);
console.error(formatQuality(quality));
console.error(`\nsnapshot: ${counts.repositories} repositories, ${counts.servers} servers, ${counts.tools} tools in data/snapshot/; ${missing.length} seeds not in it${missing.length ? ` (${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''})` : ''}; figures in bench/results/snapshot.json`);
