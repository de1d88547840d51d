import { resolve } from 'node:path';
import type { Command } from 'commander';
import { mergeCatalogs, outputExists } from '../../store/merge-catalogs.ts';
import { UsageError } from '../errors.ts';
import { printJson } from '../options.ts';

/** `mcp-risk merge A B... -o OUT`: one catalog from the shards of a crawl split over many machines. */
export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('merge catalog databases (the shards of `crawl --shard i/n`) into one')
    .argument('<inputs...>', 'catalog databases to merge, in order (a repository in two keeps the later copy)')
    .requiredOption('-o, --output <FILE>', 'the merged catalog (must not exist yet)')
    .option('--json', 'print the counts as JSON on stdout')
    .action((inputs: string[], options: { output: string; json?: boolean }) => {
      const output = resolve(options.output);
      if (outputExists(output)) throw new UsageError(`--output: ${output} already exists; merge writes a new catalog`);
      const files = inputs.map((input) => resolve(input));
      if (files.includes(output)) throw new UsageError('--output must differ from the inputs');
      const result = mergeCatalogs(files, output);
      if (options.json) printJson(result);
      console.error(`merged ${result.inputs} catalogs into ${output}: ${result.repositories} repositories, ${result.servers} servers, ${result.tools} tools${result.renamedSlugs ? `, ${result.renamedSlugs} server slugs suffixed` : ''}`);
    });
}
