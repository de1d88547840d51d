import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawl } from '../../crawler/pipeline/crawl.ts';
import { openCatalog, type Catalog } from '../../crawler/store/open.ts';
import { publishCatalog } from '../../crawler/store/publish.ts';
import { cli, ROOT, type RunOptions } from '../cli/run-cli.ts';

/** Root ignores folder permissions: the reader runs as `nobody` then, as a user without write access would. */
const READER: RunOptions = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

describe('the published copy of the catalog (/catalog.sqlite)', () => {
  let dir: string;
  let writer: Catalog;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mcp-risk-publish-'));
    chmodSync(dir, 0o755);
    // The working catalog, in WAL mode, still open: what the crawl wrote sits in its -wal file.
    writer = openCatalog(join(dir, 'catalog.sqlite'));
    await runCrawl(writer, { sources: [{ kind: 'dir', path: join(ROOT, 'data', 'samples') }] });
    // A crawl in progress leaves its queue, which names local folders.
    writer.prepare("INSERT INTO crawl_queue (run_id, repo_key, ordinal, kind, full_name, location) VALUES (99, 'dir:x', 1, 'dir', 'x', ?)").run(join(dir, 'in-progress', 'x'));
  });
  afterAll(() => {
    writer.close();
    chmodSync(join(dir, 'public'), 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens read-only from a read-only folder, with every tool, and without the crawl\'s working state', async () => {
    const reader = openCatalog(join(dir, 'catalog.sqlite'), { readonly: true });
    const published = join(dir, 'public', 'catalog.sqlite');
    try {
      publishCatalog(reader, published);
    } finally {
      reader.close();
    }
    chmodSync(published, 0o444);
    chmodSync(join(dir, 'public'), 0o555);

    const run = await cli(['stats', '--db', published, '--json'], {}, READER);

    expect(run.code, run.stderr).toBe(0);
    const count = (sql: string): number => (writer.prepare(sql).get() as { n: number }).n;
    expect(JSON.parse(run.stdout)).toMatchObject({
      repositories: count('SELECT count(*) AS n FROM repositories'),
      tools: count('SELECT count(*) AS n FROM tools'),
    });
    expect(count('SELECT count(*) AS n FROM tools')).toBeGreaterThan(50);
    expect(readdirSync(join(dir, 'public'))).toEqual(['catalog.sqlite']);
    expect(readFileSync(published).toString('latin1')).not.toContain(join(dir, 'in-progress'));
  });

  it('a copy left in WAL mode in a read-only folder is explained as such, not as damage', async () => {
    const folder = join(dir, 'old-copy');
    mkdirSync(folder);
    const copy = join(folder, 'catalog.sqlite');
    await writer.backup(copy);
    chmodSync(folder, 0o555);
    try {
      const run = await cli(['stats', '--db', copy], {}, READER);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(copy);
      expect(run.stderr).toMatch(/is in WAL mode.*not damaged.*Copy it into a writable folder/s);
    } finally {
      chmodSync(folder, 0o755);
    }
  });
});
