import { appendFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { needsGitHub, SourceArg, type SourceSpec } from '../../discover/source.ts';
import { createGitHubClient } from '../../github/client.ts';
import { resolveEndpoints } from '../../github/endpoints.ts';
import { redactSecrets } from '../../github/redact.ts';
import { formatSummaryMarkdown, formatSummaryText } from '../../pipeline/crawl-summary.ts';
import { runCrawl, type CrawlSummary, type Shard } from '../../pipeline/crawl.ts';
import { explainStoreError } from '../../store/catalog-error.ts';
import { acquireCrawlLock } from '../../store/crawl-lock.ts';
import { openCatalog } from '../../store/open.ts';
import { InputError, ReportedFailure, UsageError } from '../errors.ts';
import { catalogPath, printJson } from '../options.ts';
import { isDirectory } from '../path-arg.ts';
import { progressBar } from '../progress.ts';
import { visible } from '../terminal-text.ts';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Progress messages quote servers' answers and repository names: redacted, control characters made visible. */
const say = (message: string): void => console.error(`  ${visible(redactSecrets(message))}`);

/** SPEC §4: GitHub sources when a token is set, else the embedded samples. */
function defaultSources(): SourceSpec[] {
  return process.env.GITHUB_TOKEN ? [{ kind: 'registry' }, { kind: 'github' }, { kind: 'seeds' }] : [{ kind: 'dir', path: 'data/samples' }];
}

function parseSources(values: string[]): SourceSpec[] {
  return values.map((value) => {
    const parsed = SourceArg.safeParse(value);
    if (!parsed.success) throw new UsageError(`--source: ${parsed.error.issues[0].message}`);
    if ((parsed.data.kind === 'dir' || parsed.data.kind === 'git') && !isDirectory(parsed.data.path)) {
      throw new InputError(`--source ${value}: ${parsed.data.path} is not a directory`);
    }
    if (needsGitHub(parsed.data) && !process.env.GITHUB_TOKEN) {
      throw new UsageError(`--source ${value} needs a GitHub token: set GITHUB_TOKEN to a token with public read access (a fine-grained token with no extra permissions will do)`);
    }
    return parsed.data;
  });
}

function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard: expected i/n with 1 ≤ i ≤ n, got "${value}"`);
  return { index, count };
}

function positive(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag}: expected a positive integer, got "${value}"`);
  return n;
}

interface CrawlFlags {
  source: string[];
  limit?: string;
  db?: string;
  json?: boolean;
  shard?: string;
  apiUrl?: string;
  graphqlUrl?: string;
  archiveUrl?: string;
  registryUrl?: string;
  cacheDir?: string;
  concurrency?: string;
  maxWait?: string;
  summary?: string;
}

export function registerCrawl(program: Command): void {
  program
    .command('crawl')
    .description('run the whole pipeline (discover, fetch, extract, classify, store) into the catalog database; resumes a stopped run')
    .option('--source <S>', 'github, registry, seeds, code-search (weekly), github-search, awesome-lists, dir:PATH (every subfolder a repository) or git:PATH (git directories named owner+name, read at HEAD) (repeatable; default: registry, github and seeds when GITHUB_TOKEN is set, else dir:data/samples)', collect, [])
    .option('--limit <N>', 'crawl at most N repositories')
    .option('--shard <i/n>', 'crawl only shard i of n (a stable hash of the repository id); merge the shards with `mcp-risk merge`')
    .option('--db <FILE>', 'catalog database (default: $MCP_RISK_DB or data/catalog.sqlite); one crawl at a time: a second one exits 1')
    .option('--api-url <URL>', 'GitHub REST API (default: $GITHUB_API_URL or https://api.github.com)')
    .option('--graphql-url <URL>', 'GitHub GraphQL API (default: $GITHUB_GRAPHQL_URL or <api-url>/graphql)')
    .option('--archive-url <URL>', 'archive host (default: $MCP_RISK_ARCHIVE_URL or https://codeload.github.com)')
    .option('--registry-url <URL>', 'MCP Registry (default: $MCP_RISK_REGISTRY_URL or https://registry.modelcontextprotocol.io)')
    .option('--cache-dir <DIR>', 'archives cached by commit (default: $MCP_RISK_CACHE or data/cache/archives)')
    .option('--concurrency <N>', 'archives downloaded at once (default 4)')
    .option('--max-wait <S>', 'longest wait on a rate limit, in seconds, before stopping at a checkpoint (default 900)')
    .option('--summary <FILE>', 'also write the run summary as Markdown here (it is appended to $GITHUB_STEP_SUMMARY when set)')
    .option('--json', 'print the run summary as JSON on stdout')
    .action(async (options: CrawlFlags) => {
      const sources = options.source.length > 0 ? parseSources(options.source) : defaultSources();
      const limit = positive('--limit', options.limit);
      const shard = parseShard(options.shard);
      const concurrency = positive('--concurrency', options.concurrency);
      const maxWait = positive('--max-wait', options.maxWait);
      const endpoints = resolveEndpoints(options);
      for (const [flag, url] of Object.entries(endpoints)) {
        if (!/^https?:\/\//.test(url)) throw new UsageError(`${flag}: expected an http(s) URL, got "${url}"`);
      }
      const token = process.env.GITHUB_TOKEN;
      const github = token && sources.some(needsGitHub)
        ? createGitHubClient({ token, endpoints, maxWaitMs: (maxWait ?? 900) * 1000, log: say })
        : undefined;
      const file = catalogPath(options.db);
      const lock = acquireCrawlLock(file);
      const bar = progressBar('crawl');
      try {
        const db = openCatalog(file);
        let summary: CrawlSummary;
        try {
          summary = await runCrawl(db, {
            sources, limit, shard, github, concurrency,
            cacheDir: resolve(options.cacheDir ?? process.env.MCP_RISK_CACHE ?? 'data/cache/archives'),
            onProgress: (done, total, repo) => bar.update(done, total, repo),
            log: say,
          });
        } catch (error) {
          throw explainStoreError(file, error);
        } finally {
          bar.done();
          db.close();
        }
        if (options.json) printJson(summary);
        console.error(formatSummaryText(summary, file));
        const markdown = formatSummaryMarkdown(summary);
        if (options.summary) writeFileSync(options.summary, markdown);
        if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, markdown);
        if (summary.status === 'failed') throw new ReportedFailure('every repository failed');
      } finally {
        lock.release();
      }
    });
}
