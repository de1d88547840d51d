import { resolve } from 'node:path';
import type { Command } from 'commander';
import { SnapshotError } from '../../store/snapshot-read.ts';
import { importSnapshot } from '../../store/snapshot-import.ts';
import { InputError } from '../errors.ts';
import { catalogPath, printJson } from '../options.ts';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('rebuild the catalog database from a snapshot folder (data/snapshot/, written by `export --format snapshot`); the previous catalog is replaced only when the whole snapshot is valid')
    .argument('<DIR>', 'the snapshot folder')
    .option('--db <FILE>', 'catalog database (default: $MCP_RISK_DB or data/catalog.sqlite)')
    .option('--json', 'print the counts as JSON on stdout')
    .action((dir: string, options: { db?: string; json?: boolean }) => {
      const file = catalogPath(options.db);
      let counts;
      try {
        counts = importSnapshot(resolve(dir), file);
      } catch (error) {
        if (error instanceof SnapshotError) throw new InputError(`snapshot ${dir}: ${error.message}`);
        throw error;
      }
      if (options.json) printJson(counts);
      console.error(`imported ${counts.repositories} repositories, ${counts.servers} servers, ${counts.tools} tools from ${dir} into ${file}`);
    });
}
