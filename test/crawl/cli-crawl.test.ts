import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureWorld, harness, TOKEN, type Harness } from './helpers.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('mcp-risk crawl against the stand-in, as a user runs it', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(fixtureWorld());
  });
  afterAll(() => h.close());

  it('crawls through the URL flags, writes the Markdown job summary, and never prints or stores the token', async () => {
    h.standIn.inject({ resource: 'core', kind: '429', seconds: 1 });
    h.standIn.inject({ resource: 'archive', kind: '502' });
    const db = join(h.dir, 'cli.sqlite');
    const stepSummary = join(h.dir, 'step-summary.md');
    const args = [
      join(ROOT, 'bin', 'mcp-risk.js'), 'crawl', '--source', 'registry', '--source', 'github', '--source', 'seeds', '--db', db,
      '--api-url', h.standIn.apiUrl, '--graphql-url', h.standIn.graphqlUrl, '--registry-url', h.standIn.registryUrl,
      '--cache-dir', join(h.dir, 'archives'), '--json',
    ];
    const env = { ...process.env, GITHUB_TOKEN: TOKEN, MCP_RISK_ARCHIVE_URL: h.standIn.archiveUrl, MCP_RISK_SEEDS: h.seeds, GITHUB_STEP_SUMMARY: stepSummary };

    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, args, { cwd: ROOT, env }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
    });

    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'ok', repositories: 4 });
    expect(run.stderr).toContain('retrying');
    const markdown = readFileSync(stepSummary, 'utf8');
    expect(markdown).toMatch(/^## mcp-risk crawl #1: ok/);
    expect(markdown).toContain('| registry | 2 |');
    expect(h.standIn.requests.filter((r) => r.resource === 'archive').every((r) => r.authorization === undefined)).toBe(true);
    const written = readdirSync(h.dir).filter((f) => f.startsWith('cli.sqlite')).map((f) => readFileSync(join(h.dir, f)).toString('latin1'));
    for (const text of [run.stdout, run.stderr, markdown, ...written]) expect(text).not.toContain(TOKEN);
  });
});
