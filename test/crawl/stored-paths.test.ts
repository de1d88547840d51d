import { cpSync, mkdtempSync, rmSync } from 'node:fs';
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

describe('a local repository that fails during a crawl', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is recorded by its path relative to the source root, never by this machine\'s absolute path', async () => {
    dir = mkdtempSync(join(tmpdir(), 'mcp-risk-paths-'));
    const root = join(dir, 'servers');
    cpSync(join(SAMPLES, 'notes-ts-registertool'), join(root, 'a-notes'), { recursive: true });
    cpSync(join(SAMPLES, 'shell-runner-python-fastmcp'), join(root, 'b-vanishing'), { recursive: true });
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
      expect(summary.failures[0].error).toContain('b-vanishing');
      const leaks = storedText(db).filter((text) => text.includes(dir));
      expect(leaks).toEqual([]);
      const stats = db.prepare('SELECT sources, stats FROM crawl_runs').get() as { sources: string; stats: string };
      expect(JSON.parse(stats.sources)).toEqual(['dir:servers']);
      expect(stats.stats).toContain('b-vanishing');
    } finally {
      db.close();
    }
  });
});
