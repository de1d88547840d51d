import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog } from '../../crawler/store/open.ts';
import { cli, ROOT } from '../cli/run-cli.ts';
import { fixtureWorld, harness, health, TOKEN, type Harness } from './helpers.ts';

describe('two crawls of one catalog at once', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(fixtureWorld());
  });
  afterAll(() => h.close());

  it('the second exits 1 at once, naming the database, and the first completes', async () => {
    const db = join(h.dir, 'shared.sqlite');
    // The first crawl's archive downloads wait until released: it is mid-run, holding the catalog.
    const hold = h.standIn.hold('archive');
    const first = cli([
      'crawl', '--source', 'registry', '--source', 'github', '--source', 'seeds', '--db', db,
      '--api-url', h.standIn.apiUrl, '--graphql-url', h.standIn.graphqlUrl, '--registry-url', h.standIn.registryUrl,
      '--archive-url', h.standIn.archiveUrl, '--cache-dir', join(h.dir, 'archives'), '--json',
    ], { GITHUB_TOKEN: TOKEN, MCP_RISK_SEEDS: h.seeds });
    await Promise.race([hold.reached, first.then((run) => {
      throw new Error(`the first crawl ended before it downloaded an archive (exit ${run.code}): ${run.stderr}`);
    })]);

    const second = await cli(['crawl', '--source', `dir:${join(ROOT, 'data', 'samples')}`, '--db', db]);
    hold.release();
    const done = await first;

    expect(second.code).toBe(1);
    expect(second.stderr).toContain(db);
    expect(second.stderr).toMatch(/another crawl is running.*Wait for it to finish/s);
    expect(second.stderr).not.toMatch(/^\s+at /m);
    expect(done.code, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ status: 'ok', repositories: 4 });
    const catalog = openCatalog(db, { readonly: true });
    expect(health(catalog)).toEqual({ integrity: 'ok', duplicates: 0 });
    expect((catalog.prepare("SELECT count(*) AS n FROM repositories WHERE source = 'dir'").get() as { n: number }).n).toBe(0);
    catalog.close();
  });
});
