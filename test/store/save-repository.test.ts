import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCrawl } from '../../crawler/pipeline/crawl.ts';
import { openCatalog, type Catalog } from '../../crawler/store/open.ts';

const NOTES = `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
const server = new McpServer({ name: "notes", version: "1.0.0" });
server.tool("list_notes", "List the titles of all notes", {}, async () => ({ content: [] }));
server.tool("delete_note", "Permanently delete a note by id", { id: z.string() }, async () => ({ content: [] }));
`;

/** Every row of the catalog's tables except the crawl runs, to compare two states. */
function catalogRows(db: Catalog): Record<string, unknown[]> {
  const tables = ['repositories', 'servers', 'tools', 'classifications', 'findings', 'dynamic_tools', 'extraction_warnings', 'tool_history'];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
}

describe('storing crawls', () => {
  let dir: string;
  let db: Catalog;
  const repos = () => join(dir, 'repos');
  const writeRepo = (name: string, source: string): void => {
    const files = {
      'package.json': JSON.stringify({ name, dependencies: { '@modelcontextprotocol/sdk': '^1.20.0' } }),
      'src/index.ts': source,
    };
    for (const [path, text] of Object.entries(files)) {
      const file = join(repos(), name, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  };
  const crawl = () => runCrawl(db, { sources: [{ kind: 'dir', path: repos() }] });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mcp-risk-store-'));
    writeRepo('notes', NOTES);
    db = openCatalog(join(dir, 'catalog.sqlite'));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores every tool with its classification, policy and a history entry', async () => {
    const summary = await crawl();
    expect(summary).toMatchObject({ status: 'ok', repositories: 1, servers: 1, tools: 2, added: 2 });
    const tools = db.prepare('SELECT t.name, c.policy FROM tools t JOIN classifications c ON c.tool_id = t.id ORDER BY t.name').all() as { name: string; policy: string }[];
    expect(tools.map((t) => t.name)).toEqual(['delete_note', 'list_notes']);
    for (const tool of tools) expect(JSON.parse(tool.policy)).toMatchObject({ version: '1', default: 'deny' });
    expect(db.prepare("SELECT count(*) AS n FROM tool_history WHERE change = 'added'").get()).toEqual({ n: 2 });
  });

  it('changes nothing when the same input is crawled again', async () => {
    await crawl();
    const before = catalogRows(db);
    const again = await crawl();
    expect(again).toMatchObject({ added: 0, changed: 0, removed: 0, unchanged: 2 });
    expect(catalogRows(db)).toEqual(before);
  });

  it('keeps a tool that disappears in the history, and records a changed one', async () => {
    await crawl();
    writeRepo('notes', NOTES.replace(/server\.tool\("delete_note".*\n/, '').replace('List the titles of all notes', 'List every note title'));
    const summary = await crawl();
    expect(summary).toMatchObject({ added: 0, changed: 1, removed: 1 });
    expect(db.prepare('SELECT name, description FROM tools').all()).toEqual([{ name: 'list_notes', description: 'List every note title' }]);
    const removed = db.prepare("SELECT tool_name, before FROM tool_history WHERE change = 'removed'").get() as { tool_name: string; before: string };
    expect(removed.tool_name).toBe('delete_note');
    expect(JSON.parse(removed.before).definition.description).toBe('Permanently delete a note by id');
  });

  it('leaves the previous rows of a repository that fails, and marks it failed', async () => {
    writeRepo('alpha', NOTES.replace('notes', 'alpha'));
    await crawl();
    const notesBefore = db.prepare("SELECT t.* FROM tools t JOIN servers s ON s.id = t.server_id WHERE s.repo_id = 'dir:notes' ORDER BY t.id").all();
    expect(notesBefore).toHaveLength(2);
    // The folder disappears between discovery and fetch: the crawl of that repository fails.
    const summary = await runCrawl(db, {
      sources: [{ kind: 'dir', path: repos() }],
      concurrency: 1,
      onProgress: (done) => {
        if (done === 1) rmSync(join(repos(), 'notes'), { recursive: true });
      },
    });
    expect(summary.status).toBe('partial');
    expect(summary.failures.map((f) => f.repository)).toEqual(['notes']);
    expect(db.prepare("SELECT t.* FROM tools t JOIN servers s ON s.id = t.server_id WHERE s.repo_id = 'dir:notes' ORDER BY t.id").all()).toEqual(notesBefore);
    expect(db.prepare("SELECT status FROM repositories WHERE id = 'dir:notes'").get()).toEqual({ status: 'failed' });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
