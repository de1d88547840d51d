// `npm run bench:extract [-- CORPUS_DIR]`: extraction throughput on a corpus of repositories, against
// merely reading the same files, in one run. Writes bench/results/extract.json.
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractRepository } from '../crawler/extract/index.ts';
import { grammarOf, isSkippedPath } from '../crawler/extract/files.ts';
import { loadGrammars } from '../crawler/extract/parser.ts';
import { localTree, type SourceTree } from '../crawler/fetch/source-tree.ts';

const corpus = resolve(process.argv[2] ?? 'data/samples');
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

/** Repositories of the corpus: DIR/<owner>/<name>/ (as checkout.sh lays them out) or DIR/<name>/. */
function repositories(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (!statSync(path).isDirectory()) continue;
    const children = readdirSync(path);
    const looksLikeOwner = children.length > 0 && children.every((c) => statSync(join(path, c)).isDirectory())
      && !children.some((c) => ['src', 'lib', 'pkg', 'cmd', 'app'].includes(c));
    if (looksLikeOwner) found.push(...children.sort().map((c) => join(path, c)));
    else found.push(path);
  }
  return found;
}

/** The files extraction looks at: parseable source outside tests, vendored code and build output. */
function sourceFiles(tree: SourceTree): string[] {
  return tree.paths().filter((path) => grammarOf(path) !== null && !isSkippedPath(path));
}

const repos = repositories(corpus);
const trees = repos.map((dir) => ({ dir, tree: localTree(dir) }));
let files = 0;
let bytes = 0;
for (const { tree } of trees) {
  for (const path of sourceFiles(tree)) {
    files++;
    bytes += tree.size(path) ?? 0;
  }
}

await loadGrammars();
const readTimes: number[] = [];
const extractTimes: number[] = [];
let tools = 0;
for (let round = 0; round < rounds; round++) {
  let start = performance.now();
  for (const { tree } of trees) for (const path of sourceFiles(tree)) tree.read(path);
  readTimes.push((performance.now() - start) / 1000);
  start = performance.now();
  tools = 0;
  for (const { dir, tree } of trees) tools += (await extractRepository(tree, relative(corpus, dir))).tools.length;
  extractTimes.push((performance.now() - start) / 1000);
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const read_s = median(readTimes);
const extract_s = median(extractTimes);
const result = {
  corpus: relative(process.cwd(), corpus) || '.',
  repositories: repos.length,
  source_files: files,
  source_mb: Math.round((bytes / 1e6) * 100) / 100,
  tools,
  rounds,
  read_s: Math.round(read_s * 1000) / 1000,
  extract_s: Math.round(extract_s * 1000) / 1000,
  extract_mb_per_s: Math.round((bytes / 1e6 / extract_s) * 100) / 100,
  extract_files_per_s: Math.round(files / extract_s),
  read_mb_per_s: Math.round((bytes / 1e6 / read_s) * 100) / 100,
  ratio_extract_to_read: Math.round((extract_s / read_s) * 10) / 10,
  node: process.version,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/extract.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
if (!existsSync(corpus)) process.exitCode = 1;
