// `npm run bench:oracle`: runs the static extractor (the library `mcp-risk extract` calls) on each
// recorded package's published files and compares what it finds with what the server listed.
// Writes bench/results/oracle.json and the generated part of bench/oracle/README.md. Offline once
// the tarballs are cached in bench/oracle/.cache/ (git-ignored).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractRepository } from '../../crawler/extract/index.ts';
import { readInventory, type Inventory } from './inventory.ts';
import { packageKey, readOracleList } from './package-list.ts';
import { publishedFilesCache } from './published-files.ts';
import { readmeTables, replaceGenerated, type RunSummary } from './readme-tables.ts';
import { oracleResults, type Compared, type OracleResults } from './results.ts';

const ORACLE_DIR = 'bench/oracle';
const INVENTORY_DIR = join(ORACLE_DIR, 'inventories');
const CACHE_DIR = join(ORACLE_DIR, '.cache');
const RESULTS_FILE = 'bench/results/oracle.json';
const README = join(ORACLE_DIR, 'README.md');

async function main(): Promise<void> {
  const started = performance.now();
  const { packages } = readOracleList(join(ORACLE_DIR, 'packages.txt'), join(ORACLE_DIR, 'packages.json'));
  const recorded: Inventory[] = [];
  const compared: Compared[] = [];
  const notCompared: OracleResults['not_compared'] = [];
  let downloads = 0;
  const publishedFiles = publishedFilesCache(CACHE_DIR);
  for (const pkg of packages) {
    const inventory = readInventory(INVENTORY_DIR, pkg);
    if (!inventory) continue;
    recorded.push(inventory);
    if (inventory.outcome !== 'listed') continue;
    if (!inventory.version) {
      notCompared.push({ package: pkg.name, version: null, reason: 'recorded without a version' });
      continue;
    }
    const files = await publishedFiles(pkg, inventory.version);
    if (!files.ok) {
      console.error(`${packageKey(pkg)}@${inventory.version}: not compared: ${files.reason}`);
      notCompared.push({ package: pkg.name, version: inventory.version, reason: files.reason });
      continue;
    }
    if (files.downloaded) downloads++;
    compared.push({ inventory, extraction: await extractRepository(files.tree, pkg.name) });
  }

  const results = oracleResults({ inventories: INVENTORY_DIR, listSize: packages.length, recorded, compared, notCompared });
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  const run = existsSync(join(ORACLE_DIR, 'last-run.json')) ? (JSON.parse(readFileSync(join(ORACLE_DIR, 'last-run.json'), 'utf8')) as RunSummary) : null;
  const recordSeconds = recorded.reduce((sum, inventory) => sum + inventory.seconds, 0);
  const failed = recorded.filter((inventory) => inventory.outcome === 'failed');
  writeFileSync(README, replaceGenerated(readFileSync(README, 'utf8'), readmeTables(results, failed, run, recordSeconds), README));

  const o = results.overall;
  console.log(`${results.packages_compared} packages compared (${results.packages_listed} listed of ${results.packages_in_list}; ${downloads} tarballs downloaded) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`tools listed ${o.tools_listed}, extracted ${o.tools_extracted}, matched ${o.tools_matched}: name recall ${o.name_recall}, precision ${o.name_precision}, descriptions equal ${o.description_equal}, parameters equal ${o.parameters_equal}, annotations equal ${o.annotations_equal}`);
  for (const [cls, count] of Object.entries(results.miss_classes)) console.log(`  ${cls}: ${count}`);
  console.log(`written: ${RESULTS_FILE}, ${README}`);
}

main().catch((error: unknown) => {
  console.error(`bench:oracle: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
