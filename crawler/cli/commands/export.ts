import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { exportTools } from '../../store/export.ts';
import { withCatalog } from '../../store/open.ts';
import { UsageError } from '../errors.ts';
import { catalogPath } from '../options.ts';
import { jsonText } from '../terminal-text.ts';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export every classified tool of the catalog as JSON or JSON Lines')
    .option('--format <F>', 'json (one array) or jsonl (one tool per line)', 'jsonl')
    .option('-o, --output <FILE>', 'write to FILE instead of stdout')
    .option('--db <FILE>', 'catalog database (default: $MCP_RISK_DB or data/catalog.sqlite)')
    .action(async (options: { format: string; output?: string; db?: string }) => {
      if (options.format !== 'json' && options.format !== 'jsonl') throw new UsageError(`--format: expected json or jsonl, got "${options.format}"`);
      const file = catalogPath(options.db);
      await withCatalog(file, { readonly: true }, async (db) => {
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
          if (out !== process.stdout) await new Promise<void>((resolve) => (out as ReturnType<typeof createWriteStream>).end(resolve));
        }
      });
    });
}
