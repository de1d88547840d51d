import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawl, type CrawlSummary } from '../../crawler/pipeline/crawl.ts';
import { openCatalog, type Catalog } from '../../crawler/store/open.ts';

/**
 * A tool's URL is its server's slug and its own: a bookmark, a link from a policy review or a search
 * engine must keep working when the server adds tools. The hostile fixture is crawled, tools whose
 * names look like existing ones are added at the top of its source, and it is crawled again.
 */

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'ts-hostile-tool-names');
/** Each looks like a name the fixture has: the same letters in another case, script or form. */
const ADDED = ['CAF\u00c9', 'Exec_Shell', '_EXEC_SHELL', 'ツール2', '工具!', '__PROTO__', 'a|b', '..."'];

let dir: string;
let db: Catalog;
let before: Map<string, string>;
let after: Map<string, string>;
let second: CrawlSummary;

/** Tool name → URL path (server and tool slug); names registered twice keep the first. */
function urls(catalog: Catalog): Map<string, string> {
  const rows = catalog.prepare('SELECT t.name, s.slug AS server, t.slug FROM tools t JOIN servers s ON s.id = t.server_id ORDER BY t.line').all() as { name: string; server: string; slug: string }[];
  const map = new Map<string, string>();
  for (const row of rows) if (!map.has(row.name)) map.set(row.name, `/tools/${row.server}/${row.slug}/`);
  return map;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mcp-risk-slug-stability-'));
  const repo = join(dir, 'repos', 'hostile-tool-names');
  cpSync(FIXTURE, repo, { recursive: true });
  db = openCatalog(join(dir, 'catalog.sqlite'));
  await runCrawl(db, { sources: [{ kind: 'dir', path: join(dir, 'repos') }] });
  before = urls(db);
  const source = join(repo, 'src', 'index.ts');
  const text = readFileSync(source, 'utf8');
  const marker = 'const text = ';
  const added = ADDED.map((name) => `server.tool(${JSON.stringify(name)}, "Echoes the text back.", async () => ({ content: [] }));\n`).join('');
  writeFileSync(source, text.replace(marker, `${added}${marker}`));
  second = await runCrawl(db, { sources: [{ kind: 'dir', path: join(dir, 'repos') }] });
  after = urls(db);
});

afterAll(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('tool URLs between crawls', () => {
  it('stay the same for every tool when the server adds look-alike tools before them', () => {
    expect(second.failures).toEqual([]);
    for (const name of ADDED) expect(after.has(name), name).toBe(true);
    for (const [name, url] of before) expect(after.get(name), JSON.stringify(name)).toBe(url);
  });

  it('record the look-alikes as added, and each other tool\'s change under its own name', () => {
    expect(second.removed).toBe(0);
    const history = db.prepare("SELECT change, tool_name, json_extract(before, '$.definition.name') AS previous FROM tool_history WHERE run_id = (SELECT max(id) FROM crawl_runs)")
      .all() as { change: string; tool_name: string; previous: string | null }[];
    expect(history.filter((h) => h.change === 'added').map((h) => h.tool_name).sort()).toEqual([...ADDED].sort());
    for (const entry of history.filter((h) => h.change === 'changed')) expect(entry.previous, JSON.stringify(entry.tool_name)).toBe(entry.tool_name);
  });
});
