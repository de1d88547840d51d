// `npm run oracle:record [-- NAME…] [--force] [--concurrency N] [--timeout SECONDS]`: installs each
// published server of bench/oracle/packages.txt in a throwaway folder, starts it in a sandbox (no
// network, empty home, no inherited environment, a time limit) and records what its tools/list says
// into bench/oracle/inventories/. Resumable: a package recorded at the same version with the same
// settings is skipped unless --force.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pLimit from 'p-limit';
import { progressBar } from '../../crawler/cli/progress.ts';
import { latestVersion } from './install.ts';
import { readInventory, writeInventory, type Inventory } from './inventory.ts';
import { packageKey, readOracleList, settingsOf, type OraclePackage } from './package-list.ts';
import { recordPackage, settingsDigest } from './record-package.ts';

export const ORACLE_DIR = 'bench/oracle';
export const INVENTORY_DIR = join(ORACLE_DIR, 'inventories');

const USAGE = `usage: npm run oracle:record [-- NAME… ] [--force] [--concurrency N] [--timeout SECONDS]
  NAME            record only these packages of bench/oracle/packages.txt (default: all);
                  "npm NAME" or "pypi NAME" when a name is in both registries
  --force         record again even when the same version is recorded with the same settings
  --concurrency   servers recorded at once (default 2; the machine is shared)
  --timeout       seconds a server gets to list its tools (default 60; packages.json may say more)`;

function parseCommandLine(argv: string[]): { names: string[]; force: boolean; concurrency: number; timeout: number } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { force: { type: 'boolean' }, concurrency: { type: 'string' }, timeout: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const concurrency = Number(values.concurrency ?? 2);
  const timeout = Number(values.timeout ?? 60);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 8) throw new Error(`--concurrency: ${values.concurrency} is not a whole number from 1 to 8`);
  if (!Number.isInteger(timeout) || timeout < 5 || timeout > 600) throw new Error(`--timeout: ${values.timeout} is not a whole number of seconds from 5 to 600`);
  return { names: positionals, force: values.force === true, concurrency, timeout };
}

function selected(packages: OraclePackage[], names: string[]): OraclePackage[] {
  if (names.length === 0) return packages;
  const unknown = names.filter((name) => !packages.some((pkg) => pkg.name === name || packageKey(pkg) === name));
  if (unknown.length > 0) throw new Error(`not in bench/oracle/packages.txt: ${unknown.join(', ')}`);
  return packages.filter((pkg) => names.includes(pkg.name) || names.includes(packageKey(pkg)));
}

type Outcome = { pkg: OraclePackage; kind: 'recorded'; inventory: Inventory } | { pkg: OraclePackage; kind: 'kept'; why: string } | { pkg: OraclePackage; kind: 'error'; message: string };

async function main(): Promise<void> {
  const options = parseCommandLine(process.argv.slice(2));
  const { packages, settings } = readOracleList(join(ORACLE_DIR, 'packages.txt'), join(ORACLE_DIR, 'packages.json'));
  const chosen = selected(packages, options.names);
  const today = new Date().toISOString().slice(0, 10);
  const bar = progressBar('oracle:record');
  const limit = pLimit(options.concurrency);
  const started = performance.now();
  let done = 0;

  const recordOne = async (pkg: OraclePackage): Promise<Outcome> => {
    const own = settingsOf(settings, pkg);
    try {
      const version = own?.version ?? (await latestVersion(pkg));
      const previous = readInventory(INVENTORY_DIR, pkg);
      if (previous && !options.force) {
        if (version === null && previous.version !== null) return { pkg, kind: 'kept', why: `the registry did not answer; kept the recording of ${previous.version}` };
        if (previous.version === version && previous.settingsDigest === settingsDigest(own)) return { pkg, kind: 'kept', why: `${version ?? 'unknown version'} already recorded` };
      }
      const inventory = await recordPackage(pkg, own, { version, timeoutSeconds: options.timeout, today });
      writeInventory(INVENTORY_DIR, pkg, inventory);
      return { pkg, kind: 'recorded', inventory };
    } catch (error) {
      return { pkg, kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
  };

  const outcomes = await Promise.all(chosen.map((pkg) => limit(async () => {
    const outcome = await recordOne(pkg);
    done++;
    bar.update(done, chosen.length, pkg.name);
    if (!process.stderr.isTTY) console.error(`${done}/${chosen.length} ${packageKey(pkg)}: ${describe(outcome)}`);
    return outcome;
  })));
  bar.done();
  const seconds = Math.round((performance.now() - started) / 1000);
  printSummary(outcomes, seconds);
  if (options.names.length === 0) writeRunSummary(outcomes, seconds, options.concurrency, today);
  if (outcomes.some((outcome) => outcome.kind === 'error')) process.exitCode = 1;
}

function describe(outcome: Outcome): string {
  if (outcome.kind === 'kept') return `kept (${outcome.why})`;
  if (outcome.kind === 'error') return `error: ${outcome.message.split('\n')[0]}`;
  const { inventory } = outcome;
  if (inventory.outcome === 'listed') return `${inventory.tools.length} tools at ${inventory.version} (${inventory.seconds} s)`;
  return `${inventory.failure?.class}: ${inventory.failure?.reason} (${inventory.seconds} s)`;
}

/** Counts of every package's current recording, whether made in this run or kept from an earlier one. */
function currentCounts(outcomes: Outcome[]): { listed: number; tools: number; classes: Record<string, number> } {
  const counts = { listed: 0, tools: 0, classes: {} as Record<string, number> };
  for (const outcome of outcomes) {
    const inventory = outcome.kind === 'recorded' ? outcome.inventory : outcome.kind === 'kept' ? readInventory(INVENTORY_DIR, outcome.pkg) : null;
    if (!inventory) continue;
    if (inventory.outcome === 'listed') {
      counts.listed++;
      counts.tools += inventory.tools.length;
    } else if (inventory.failure) {
      counts.classes[inventory.failure.class] = (counts.classes[inventory.failure.class] ?? 0) + 1;
    }
  }
  return counts;
}

function printSummary(outcomes: Outcome[], seconds: number): void {
  const recorded = outcomes.filter((o) => o.kind === 'recorded').length;
  const kept = outcomes.filter((o) => o.kind === 'kept').length;
  const errors = outcomes.filter((o): o is Extract<Outcome, { kind: 'error' }> => o.kind === 'error');
  const counts = currentCounts(outcomes);
  console.error(`\n${outcomes.length} packages in ${seconds} s: ${recorded} recorded, ${kept} kept from earlier runs, ${errors.length} errors`);
  console.error(`listing their tools: ${counts.listed} packages, ${counts.tools} tools`);
  for (const [name, count] of Object.entries(counts.classes).sort(([, a], [, b]) => b - a)) console.error(`  ${name}: ${count}`);
  for (const error of errors) console.error(`error in ${packageKey(error.pkg)}: ${error.message}`);
}

/** The last full run, for the README: how long recording took and what came of it. */
function writeRunSummary(outcomes: Outcome[], seconds: number, concurrency: number, today: string): void {
  const counts = currentCounts(outcomes);
  const summary = {
    date: today,
    packages: outcomes.length,
    recorded_this_run: outcomes.filter((o) => o.kind === 'recorded').length,
    wall_seconds: seconds,
    concurrency,
    listed: counts.listed,
    tools: counts.tools,
    failures: Object.fromEntries(Object.entries(counts.classes).sort(([a], [b]) => a.localeCompare(b))),
  };
  writeFileSync(join(ORACLE_DIR, 'last-run.json'), `${JSON.stringify(summary, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(`oracle:record: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});
