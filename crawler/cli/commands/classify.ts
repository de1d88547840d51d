import type { Command } from 'commander';
import { analyzeRepository } from '../../pipeline/analyze.ts';
import { printJson } from '../options.ts';
import { checkoutArg } from '../path-arg.ts';
import { visible } from '../terminal-text.ts';

export function registerClassify(program: Command): void {
  program
    .command('classify')
    .description('extract and classify the tools of one local checkout, with evidence and policies')
    .argument('<path>', 'folder of a server repository')
    .option('--json', 'print servers, tools, classifications and policies as JSON on stdout')
    .action(async (path: string, options: { json?: boolean }) => {
      const { tree, name } = checkoutArg(path);
      const analysis = await analyzeRepository(tree, name);
      if (options.json) {
        return printJson({
          repository: name,
          servers: analysis.servers.map(({ server, tools, dynamic, policy, policies, assessment }) => ({
            ...server,
            assessment,
            policy: JSON.parse(policy),
            policies,
            dynamic,
            tools: tools.map(({ tool, classification, policy: toolPolicy, policies: toolPolicies, examples, policyNote }) => ({
              name: tool.name, file: tool.file, line: tool.line, description: tool.description,
              annotations: tool.annotations, ...classification, policy: JSON.parse(toolPolicy), policyNote,
              policies: toolPolicies, examples,
            })),
          })),
          warnings: analysis.extraction.warnings,
        });
      }
      for (const { server, tools, assessment } of analysis.servers) {
        console.log(`${visible(server.name)} (${visible(server.path)}, ${visible(server.sdk)}): ${tools.length} tools, server risk ${assessment.risk}`);
        for (const note of assessment.notes) console.log(`  ! ${visible(note)}`);
        for (const { tool, classification } of tools) {
          const evidence = classification.findings[0]?.evidence[0];
          const quote = evidence ? (evidence.kind === 'code' ? `${evidence.file}:${evidence.line}` : `"${evidence.quote.slice(0, 50)}"`) : '';
          console.log(`  ${classification.risk.toUpperCase().padEnd(9)} ${classification.category.padEnd(12)} ${visible(tool.name).padEnd(30)} ${visible(quote)}`);
        }
      }
      for (const warning of analysis.extraction.warnings) console.error(`warning: ${visible(`${warning.file}: ${warning.message}`)}`);
    });
}
