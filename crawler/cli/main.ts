import { Command, CommanderError } from 'commander';
import { redactSecrets, registerSecret } from '../github/redact.ts';
import { CatalogError } from '../store/catalog-error.ts';
import { registerClassify } from './commands/classify.ts';
import { registerCrawl } from './commands/crawl.ts';
import { registerEval } from './commands/eval.ts';
import { registerExport } from './commands/export.ts';
import { registerExtract } from './commands/extract.ts';
import { registerImport } from './commands/import.ts';
import { registerMerge } from './commands/merge.ts';
import { registerPolicy } from './commands/policy.ts';
import { registerStats } from './commands/stats.ts';
import { EXIT, InputError, ReportedFailure, UsageError } from './errors.ts';
import { visible } from './terminal-text.ts';

/** Every command, listed explicitly. */
const COMMANDS = [registerCrawl, registerExtract, registerClassify, registerPolicy, registerStats, registerExport, registerImport, registerMerge, registerEval];

export function buildProgram(): Command {
  const program = new Command('mcp-risk')
    .description('An open catalog of MCP server tools: extracted statically from source, classified by risk, with a policy for each.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of COMMANDS) register(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/**
 * An error message for the terminal. Messages quote crawled text and servers' answers: each line is
 * redacted (the token, Authorization headers) and its control characters are made visible.
 */
function report(message: string): void {
  console.error(`mcp-risk: ${message.split('\n').map((line) => visible(redactSecrets(line))).join('\n')}`);
}

/** Runs the CLI and returns the exit code: 0 success, 1 failure, 2 bad usage. */
export async function main(argv: string[]): Promise<number> {
  // Redacted from every message, even from commands that make no GitHub client.
  registerSecret(process.env.GITHUB_TOKEN);
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ReportedFailure) return EXIT.failure;
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      report(error.message);
      return EXIT.usage;
    }
    if (error instanceof InputError || error instanceof CatalogError) {
      report(error.message);
      return EXIT.failure;
    }
    report(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return EXIT.failure;
  }
}
