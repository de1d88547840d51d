import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawl } from '../../crawler/pipeline/crawl.ts';
import { openCatalog } from '../../crawler/store/open.ts';
import { buildSite } from '../../site/build.ts';
import { harness, type Harness } from '../crawl/helpers.ts';
import { World } from '../github-stand-in/world.ts';

/**
 * Catalogs written before issue 9 hold the slug `_exec_shell`, which the site cannot serve: it used to
 * leave the tool out while counting it. Now the build refuses such a catalog, naming the slug, and
 * migration 4 has the next crawl extract the repository again, although its head commit has not moved.
 */

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'ts-hostile-tool-names');

let h: Harness;
let dbFile: string;

/** The fixture's files, as the stand-in serves a repository. */
function fixtureFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const path of ['package.json', 'README.md', ...readdirSync(join(FIXTURE, 'src')).map((file) => `src/${file}`)]) files[path] = readFileSync(join(FIXTURE, path), 'utf8');
  return files;
}

beforeAll(async () => {
  const world = new World();
  world.addRepo({ owner: 'acme', name: 'shell-tools', files: fixtureFiles() });
  h = await harness(world);
  writeFileSync(h.seeds, 'acme/shell-tools\n');
  dbFile = join(h.dir, 'catalog.sqlite');
  const db = openCatalog(dbFile);
  const summary = await runCrawl(db, { sources: [{ kind: 'seeds' }], github: h.client(), cacheDir: join(h.dir, 'cache') });
  expect(summary.failures).toEqual([]);
  // What an older mcp-risk stored: the slug kept the underscore, and the schema stopped at migration 3.
  db.prepare("UPDATE tools SET slug = '_exec_shell' WHERE name = '_exec_shell'").run();
  db.close();
});

afterAll(async () => {
  await h?.close();
});

describe('a catalog holding a slug the site cannot serve', () => {
  it('is refused by the build, which names the slug and says how to fix it', async () => {
    await expect(buildSite({ db: dbFile, outDir: join(h.dir, 'refused'), quiet: true, search: false }))
      .rejects.toThrow(/1 tool or server slug cannot be a URL \("acme-shell-tools\/_exec_shell"\).*mcp-risk crawl --db/);
    expect(existsSync(join(h.dir, 'refused'))).toBe(false);
  });

  it('is extracted again by the next crawl after migration 4, at the same commit, and then built with every tool', async () => {
    const old = openCatalog(dbFile);
    old.pragma('user_version = 3');
    // A catalog of schema 3 lacks what later migrations added (migration 5: servers.packages).
    old.exec('ALTER TABLE servers DROP COLUMN packages');
    old.close();
    const db = openCatalog(dbFile);
    const summary = await runCrawl(db, { sources: [{ kind: 'seeds' }], github: h.client(), cacheDir: join(h.dir, 'cache') });
    expect(summary.failures).toEqual([]);
    expect(summary.repositories).toBe(1);
    const shell = db.prepare("SELECT t.slug, s.slug AS server FROM tools t JOIN servers s ON s.id = t.server_id WHERE t.name = '_exec_shell'").get() as { slug: string; server: string };
    const tools = (db.prepare('SELECT count(*) AS n FROM tools').get() as { n: number }).n;
    db.close();
    expect(shell.slug).toMatch(/^exec_shell-[0-9a-f]{8}$/);
    const out = join(h.dir, 'site');
    const built = await buildSite({ db: dbFile, outDir: out, quiet: true, search: false });
    expect(built.toolPages).toBe(tools);
    expect(readFileSync(join(out, 'tools', shell.server, shell.slug, 'index.html'), 'utf8')).toContain('<h1><code>_exec_shell</code></h1>');
  });
});
