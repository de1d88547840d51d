import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/run-cli.ts';
import { fixtureWorld, harness, TOKEN, type Harness } from './helpers.ts';

/** The token's secret part: what must not appear anywhere, even without its `ghp_` prefix. */
const SECRET = TOKEN.slice('ghp_'.length);

describe('an API host that echoes the Authorization header in its errors', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(fixtureWorld());
  });
  afterAll(() => h.close());

  it('never gets the token printed, written to the job summary or stored in the catalog', async () => {
    // A 401 whose JSON message holds the headers (repository search), a 400 whose text body is the raw
    // header lines (the awesome list's README), and a GraphQL error on one repository of the sweep.
    h.standIn.inject({ resource: 'search', kind: 'echo-headers' });
    h.standIn.inject({ resource: 'core', kind: 'echo-headers-text', pathIncludes: '/readme' });
    h.standIn.inject({ resource: 'graphql', kind: 'echo-headers' });
    const db = join(h.dir, 'echo.sqlite');
    const summaryFile = join(h.dir, 'summary.md');
    const stepSummary = join(h.dir, 'step-summary.md');

    const run = await cli([
      'crawl', '--source', 'registry', '--source', 'github', '--source', 'seeds', '--db', db, '--summary', summaryFile,
      '--api-url', h.standIn.apiUrl, '--graphql-url', h.standIn.graphqlUrl, '--registry-url', h.standIn.registryUrl,
      '--archive-url', h.standIn.archiveUrl, '--cache-dir', join(h.dir, 'archives'), '--json',
    ], { GITHUB_TOKEN: TOKEN, MCP_RISK_SEEDS: h.seeds, GITHUB_STEP_SUMMARY: stepSummary });

    // The host did receive the token, and did echo it: the run recorded three failures that quote it.
    expect(h.standIn.requests.some((r) => r.authorization?.includes(TOKEN))).toBe(true);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as { status: string; bySource: Record<string, { error: string | null }>; failures: { stage: string; error: string }[] };
    expect(summary.status).toBe('partial');
    expect(summary.bySource['github-search'].error).toMatch(/HTTP 401 .*authorization.*\[REDACTED\]/s);
    expect(summary.bySource['awesome-lists'].error).toMatch(/HTTP 400 .*authorization: \[REDACTED\]/s);
    expect(summary.failures.find((f) => f.stage === 'sweep')?.error).toMatch(/FORBIDDEN: .*\[REDACTED\]/s);

    const files = readdirSync(h.dir).filter((f) => f.startsWith('echo.sqlite')).map((f) => join(h.dir, f));
    expect(files.length).toBeGreaterThan(0);
    const written = {
      stdout: run.stdout, stderr: run.stderr, summary: readFileSync(summaryFile, 'utf8'), stepSummary: readFileSync(stepSummary, 'utf8'),
      ...Object.fromEntries(files.map((f) => [f, readFileSync(f).toString('latin1')])),
    };
    for (const [where, text] of Object.entries(written)) {
      expect(text.includes(SECRET), `${where} holds the token`).toBe(false);
      expect(/gh[pousr]_[A-Za-z0-9]{16}/.test(text), `${where} holds a GitHub token`).toBe(false);
    }
    const catalog = new Database(db, { readonly: true });
    try {
      const stats = (catalog.prepare('SELECT stats FROM crawl_runs').all() as { stats: string }[]).map((r) => r.stats).join('\n');
      expect(stats).toContain('[REDACTED]');
      expect(stats).not.toContain(SECRET);
    } finally {
      catalog.close();
    }
  });
});
