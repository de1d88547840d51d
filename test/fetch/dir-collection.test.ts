import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCrawl } from '../../crawler/pipeline/crawl.ts';
import { openCatalog, type Catalog } from '../../crawler/store/open.ts';
import { removeFolder, tempFolder, writeNotesServer } from './checkouts.ts';

describe('a dir: collection holding links', () => {
  let dir: string;
  let db: Catalog;
  afterEach(() => {
    db?.close();
    removeFolder(dir);
  });

  it('crawls the real server, skips a link to / and a dangling link with the reason, and walks nothing outside', async () => {
    dir = tempFolder('mcp-risk-collection-');
    const collection = join(dir, 'servers');
    writeNotesServer(join(collection, 'notes'));
    symlinkSync('/', join(collection, 'root-link'));
    symlinkSync(join(dir, 'nowhere'), join(collection, 'dangling'));
    db = openCatalog(join(dir, 'catalog.sqlite'));

    const summary = await runCrawl(db, { sources: [{ kind: 'dir', path: collection }] });

    expect(summary.status).toBe('ok');
    expect(summary.failures).toEqual([]);
    expect(db.prepare('SELECT full_name, status FROM repositories').all()).toEqual([{ full_name: 'notes', status: 'ok' }]);
    expect(db.prepare('SELECT name FROM tools').pluck().all()).toEqual(['read_note']);
    expect(summary.skipped.sample.map((entry) => [entry.path, entry.reason]).sort()).toEqual([
      ['dangling', expect.stringContaining('symlink not followed')],
      ['root-link', expect.stringContaining('symlink not followed')],
    ]);
    const warnings = db.prepare('SELECT file FROM extraction_warnings').pluck().all() as string[];
    expect(warnings.filter((file) => /proc|etc|root-link/.test(file))).toEqual([]);
  });
});
