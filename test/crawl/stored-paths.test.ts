import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCrawl } from '../../crawler/pipeline/crawl.ts';
import { openCatalog, type Catalog } from '../../crawler/store/open.ts';

const SAMPLES = join(import.meta.dirname, '..', '..', 'data', 'samples');

/** Every text cell of every table: what the catalog stores, and publishes. */
function storedText(db: Catalog): string[] {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
  return tables.flatMap((table) => (db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[])
    .flatMap((row) => Object.values(row).filter((v): v is string => typeof v === 'string').map((v) => `${table}: ${v}`)));
}

describe('a crawl of local folders', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('records its source, skipped entries and failed repositories without this machine\'s absolute paths', async () => {
    dir = mkdtempSync(join(tmpdir(), 'mcp-risk-paths-'));
    const root = join(dir, 'servers');
    cpSync(join(SAMPLES, 'notes-ts-registertool'), join(root, 'a-notes'), { recursive: true });
    cpSync(join(SAMPLES, 'shell-runner-python-fastmcp'), join(root, 'b-vanishing'), { recursive: true });
    symlinkSync(dir, join(root, 'c-link'));
    const db = openCatalog(join(dir, 'catalog.sqlite'));
    try {
      // The second repository's folder disappears after discovery, while the first is stored: its
      // read fails with an error that names the folder.
      const summary = await runCrawl(db, {
        sources: [{ kind: 'dir', path: root }], concurrency: 1,
        onProgress: () => rmSync(join(root, 'b-vanishing'), { recursive: true, force: true }),
      });

      expect(summary.status).toBe('partial');
      expect(summary.failures).toHaveLength(1);
      expect(summary.failures[0]).toMatchObject({ repository: 'b-vanishing', stage: 'fetch' });
      const leaks = storedText(db).filter((text) => text.includes(dir));
      expect(leaks).toEqual([]);
      const run = db.prepare('SELECT sources, stats FROM crawl_runs').get() as { sources: string; stats: string };
      expect(JSON.parse(run.sources)).toEqual(['dir:servers']);
      const stats = JSON.parse(run.stats) as { bySource: Record<string, unknown>; skipped: { sample: { repository: string; path: string }[] }; failures: { repository: string }[] };
      expect(Object.keys(stats.bySource)).toEqual(['dir:servers']);
      expect(stats.skipped.sample).toContainEqual(expect.objectContaining({ repository: 'dir:servers', path: 'c-link' }));
      expect(stats.failures.map((f) => f.repository)).toEqual(['b-vanishing']);
    } finally {
      db.close();
    }
  });
});
