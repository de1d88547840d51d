import type { Command } from 'commander';
import { createWriteStream, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSeeds } from '../../discover/seeds.ts';
import { exportTools } from '../../store/export.ts';
import { withCatalog, type Catalog } from '../../store/open.ts';
import { exportSnapshot } from '../../store/snapshot-export.ts';
import { InputError, UsageError } from '../errors.ts';
import { catalogPath, printJson } from '../options.ts';
import { jsonText } from '../terminal-text.ts';

interface ExportFlags {
  format: string;
  output?: string;
  db?: string;
  seeds?: string;
  json?: boolean;
}

/** The lower-case `owner/name`s a seed list names (`--seeds`), or undefined for every repository. */
function seedNames(file: string | undefined): Set<string> | undefined {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`--seeds ${file}: cannot read (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return new Set(parseSeeds(text).map((seed) => seed.fullName.toLowerCase()));
  } catch (error) {
    throw new InputError(`--seeds ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function writeTools(db: Catalog, options: ExportFlags): Promise<void> {
  const out = options.output ? createWriteStream(options.output) : process.stdout;
  try {
    let first = true;
    if (options.format === 'json') out.write('[');
    for (const tool of exportTools(db)) {
      if (options.format === 'json') out.write(`${first ? '\n' : ',\n'}${jsonText(tool)}`);
      else out.write(`${jsonText(tool)}\n`);
      first = false;
    }
    if (options.format === 'json') out.write(first ? ']\n' : '\n]\n');
  } finally {
    if (out !== process.stdout) await new Promise<void>((done) => (out as ReturnType<typeof createWriteStream>).end(done));
  }
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export every classified tool of the catalog as JSON or JSON Lines, or the whole catalog as a snapshot folder (what `import` reads)')
    .option('--format <F>', 'json (one array), jsonl (one tool per line) or snapshot (a folder: -o DIR)', 'jsonl')
    .option('-o, --output <FILE>', 'write to FILE instead of stdout (the folder, for snapshot)')
    .option('--seeds <FILE>', 'snapshot only: keep the repositories this seed list names (data/seeds.txt)')
    .option('--json', 'snapshot only: print the counts as JSON on stdout')
    .option('--db <FILE>', 'catalog database (default: $MCP_RISK_DB or data/catalog.sqlite)')
    .action(async (options: ExportFlags) => {
      if (!['json', 'jsonl', 'snapshot'].includes(options.format)) throw new UsageError(`--format: expected json, jsonl or snapshot, got "${options.format}"`);
      if (options.format === 'snapshot' && !options.output) throw new UsageError('--format snapshot needs -o DIR (the snapshot folder, e.g. data/snapshot)');
      if (options.format !== 'snapshot' && options.seeds) throw new UsageError('--seeds applies to --format snapshot only');
      const only = seedNames(options.seeds);
      await withCatalog(catalogPath(options.db), { readonly: true }, async (db) => {
        if (options.format !== 'snapshot') return await writeTools(db, options);
        const counts = exportSnapshot(db, resolve(options.output as string), only);
        if (options.json) printJson(counts);
        console.error(`exported ${counts.repositories} repositories, ${counts.servers} servers, ${counts.tools} tools to ${options.output}`);
      });
    });
}
