import type { Command } from 'commander';
import { extractRepository } from '../../extract/index.ts';
import { printJson } from '../options.ts';
import { checkoutArg } from '../path-arg.ts';
import { visible } from '../terminal-text.ts';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('list the tools found in one local checkout, statically (nothing in it is run)')
    .argument('<path>', 'folder of a server repository')
    .option('--json', 'print the extraction as JSON on stdout')
    .action(async (path: string, options: { json?: boolean }) => {
      const { tree, name } = checkoutArg(path);
      const extraction = await extractRepository(tree, name);
      if (options.json) return printJson(extraction);
      for (const server of extraction.servers) {
        const tools = extraction.tools.filter((t) => t.server === server.path);
        const version = server.sdkVersion ? ` ${visible(server.sdkVersion)}` : '';
        console.log(`${visible(server.name)} (${visible(server.path)}, ${server.language}, ${visible(server.sdk)}${version}): ${tools.length} tools`);
        for (const tool of tools) {
          const description = visible((tool.description ?? '').replace(/\s+/g, ' ').slice(0, 70));
          console.log(`  ${visible(tool.name).padEnd(32)} ${visible(`${tool.file}:${tool.line}`).padEnd(44)} ${description}`);
        }
        for (const dynamic of extraction.dynamic.filter((d) => d.server === server.path)) {
          console.log(`  (dynamic) ${visible(`${dynamic.file}:${dynamic.line} ${dynamic.reason}`)}`);
        }
      }
      for (const warning of extraction.warnings) console.error(`warning: ${visible(`${warning.file}: ${warning.message}`)}`);
      console.log(`${extraction.tools.length} tools in ${extraction.servers.length} servers, ${extraction.dynamic.length} dynamic, ${extraction.warnings.length} warnings`);
    });
}
