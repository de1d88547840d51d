import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawl, type CrawlSummary } from '../../crawler/pipeline/crawl.ts';
import { openCatalog } from '../../crawler/store/open.ts';
import { buildSite } from '../../site/build.ts';

const ROOT = join(import.meta.dirname, '..', '..');

interface Row {
  server: string;
  tool: string;
  name: string;
  risk: string;
  policy: string;
}

describe('crawling the samples and building the site', () => {
  let dir: string;
  let out: string;
  let summary: CrawlSummary;
  let rows: Row[];
  const page = (path: string): string => readFileSync(join(out, path, 'index.html'), 'utf8');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mcp-risk-samples-'));
    out = join(dir, 'site');
    const dbFile = join(dir, 'catalog.sqlite');
    const db = openCatalog(dbFile);
    summary = await runCrawl(db, { sources: [{ kind: 'dir', path: join(ROOT, 'data', 'samples') }] });
    rows = db.prepare(
      `SELECT s.slug AS server, t.slug AS tool, t.name, c.risk, c.policy
         FROM tools t JOIN servers s ON s.id = t.server_id JOIN classifications c ON c.tool_id = t.id`,
    ).all() as Row[];
    db.close();
    await buildSite({ db: dbFile, outDir: out, quiet: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('crawls every sample repository without failures', () => {
    const expected = JSON.parse(readFileSync(join(ROOT, 'test', 'samples', 'expected.json'), 'utf8'));
    const labelled = expected.repos.flatMap((r: { servers: { tools: unknown[] }[] }) => r.servers.flatMap((s) => s.tools)).length;
    expect(summary.failures).toEqual([]);
    expect(summary.repositories).toBe(expected.repos.length);
    expect(summary.tools).toBe(labelled);
  });

  it('writes a page for every tool and server, showing its risk and its exact policy', () => {
    expect(rows.length).toBe(summary.tools);
    for (const row of rows) {
      const html = page(`tools/${row.server}/${row.tool}`);
      expect(html).toMatch(new RegExp(`${row.risk} risk`, 'i'));
      const escaped = row.policy.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      expect(html.includes(row.policy) || html.includes(escaped)).toBe(true);
    }
    for (const server of new Set(rows.map((r) => r.server))) expect(existsSync(join(out, 'servers', server, 'index.html'))).toBe(true);
    for (const risk of ['low', 'medium', 'high', 'critical']) expect(existsSync(join(out, 'risk', risk, 'index.html'))).toBe(true);
  });

  it('shows the totals on the home page', () => {
    const home = page('.');
    expect(home).toContain(String(summary.tools));
  });

  it('renders the hostile sample as text: no markup of it reaches a page unescaped', () => {
    const hostile = rows.filter((r) => r.server.startsWith('hostile-html'));
    expect(hostile.length).toBeGreaterThan(0);
    for (const row of hostile) {
      const html = page(`tools/${row.server}/${row.tool}`);
      expect(html).not.toMatch(/<script>alert/i);
      expect(html).not.toMatch(/<img[^>]+onerror/i);
      expect(html).not.toMatch(/<svg[^>]+onload/i);
      expect(html).not.toMatch(/href="javascript:/i);
    }
    const named = hostile.find((r) => r.name.includes('<script>'));
    expect(named).toBeDefined();
    expect(page(`tools/${named!.server}/${named!.tool}`)).toContain('&lt;script&gt;');
  });
});
