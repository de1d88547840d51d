import type { Command } from 'commander';
import { SourceArg, type SourceSpec } from '../../discover/source.ts';
import { runCrawl, type CrawlSummary } from '../../pipeline/crawl.ts';
import { openCatalog } from '../../store/open.ts';
import { ReportedFailure, UsageError } from '../errors.ts';
import { catalogPath, printJson } from '../options.ts';
import { progressBar } from '../progress.ts';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** SPEC §4: GitHub sources when a token is set, else the embedded samples. */
function defaultSources(): SourceSpec[] {
  return process.env.GITHUB_TOKEN ? [{ kind: 'github' }] : [{ kind: 'dir', path: 'data/samples' }];
}

function parseSources(values: string[]): SourceSpec[] {
  return values.map((value) => {
    const parsed = SourceArg.safeParse(value);
    if (!parsed.success) throw new UsageError(`--source: ${parsed.error.issues[0].message}`);
    if (parsed.data.kind === 'github' && !process.env.GITHUB_TOKEN) {
      throw new UsageError('--source github needs a GitHub token: set GITHUB_TOKEN to a token with public read access');
    }
    return parsed.data;
  });
}

function printSummary(summary: CrawlSummary, db: string): void {
  const risks = Object.entries(summary.byRisk).map(([risk, n]) => `${n} ${risk}`).join(', ');
  console.error(`crawl #${summary.runId} ${summary.status} in ${(summary.durationMs / 1000).toFixed(1)} s from ${summary.sources.join(', ')}`);
  console.error(`  ${summary.repositories} repositories, ${summary.servers} servers, ${summary.tools} tools (${risks})`);
  console.error(`  changes: ${summary.added} added, ${summary.changed} changed, ${summary.removed} removed, ${summary.unchanged} unchanged`);
  console.error(`  ${summary.dynamic} dynamic registrations, ${summary.warnings} extraction warnings`);
  for (const failure of summary.failures) console.error(`  failed: ${failure.repository}: ${failure.error}`);
  console.error(`  catalog: ${db}`);
}

export function registerCrawl(program: Command): void {
  program
    .command('crawl')
    .description('run the whole pipeline (discover, fetch, extract, classify, store) into the catalog database')
    .option('--source <S>', 'github, registry, seeds or dir:PATH (repeatable; default: github when GITHUB_TOKEN is set, else dir:data/samples)', collect, [])
    .option('--limit <N>', 'crawl at most N repositories')
    .option('--db <FILE>', 'catalog database (default: $MCP_RISK_DB or data/catalog.sqlite)')
    .option('--json', 'print the run summary as JSON on stdout')
    .action(async (options: { source: string[]; limit?: string; db?: string; json?: boolean }) => {
      const sources = options.source.length > 0 ? parseSources(options.source) : defaultSources();
      let limit: number | undefined;
      if (options.limit !== undefined) {
        limit = Number(options.limit);
        if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit: expected a positive integer, got "${options.limit}"`);
      }
      const file = catalogPath(options.db);
      const db = openCatalog(file);
      const bar = progressBar('crawl');
      try {
        const summary = await runCrawl(db, { sources, limit, onProgress: (done, total, repo) => bar.update(done, total, repo) });
        bar.done();
        if (options.json) printJson(summary);
        printSummary(summary, file);
        if (summary.status === 'failed') throw new ReportedFailure('every repository failed');
      } finally {
        db.close();
      }
    });
}
