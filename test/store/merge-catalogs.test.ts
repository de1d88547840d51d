import { closeSync, existsSync, fstatSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCrawl } from '../../crawler/pipeline/crawl.ts';
import { mergeCatalogs } from '../../crawler/store/merge-catalogs.ts';
import { CatalogError } from '../../crawler/store/catalog-error.ts';
import { openCatalog } from '../../crawler/store/open.ts';
import { shortHash } from '../../crawler/store/slug.ts';

const SERVER = `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
const server = new McpServer({ name: "notes", version: "1.0.0" });
server.tool("list_notes", "List the titles of all notes", {}, async () => ({ content: [] }));
`;

describe('merging shard catalogs', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mcp-risk-merge-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Crawls the given repository folders (each one small server) into a catalog of its own. */
  async function shard(name: string, repositories: string[]): Promise<string> {
    for (const repository of repositories) {
      for (const [path, text] of Object.entries({ 'package.json': JSON.stringify({ name: 'notes', dependencies: { '@modelcontextprotocol/sdk': '^1.20.0' } }), 'src/index.ts': SERVER })) {
        const file = join(dir, name, repository, path);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text);
      }
    }
    const file = join(dir, `${name}.sqlite`);
    const db = openCatalog(file);
    await runCrawl(db, { sources: [{ kind: 'dir', path: join(dir, name) }] });
    db.close();
    return file;
  }

  it('keeps every server when a renamed slug is already taken, as a forged repository name could arrange', async () => {
    // The second shard's "Shared" slugs as "shared", which the first holds; its renamed slug is
    // "shared-<hash>", which the first shard also holds, under a repository named to collide.
    const first = await shard('one', ['shared', `shared-${shortHash('dir:Shared/.')}`]);
    const second = await shard('two', ['Shared']);
    const merged = join(dir, 'merged.sqlite');

    const result = mergeCatalogs([first, second], merged);

    const db = openCatalog(merged, { readonly: true });
    const slugs = (db.prepare('SELECT slug FROM servers ORDER BY slug').all() as { slug: string }[]).map((row) => row.slug);
    db.close();
    expect(result.servers).toBe(3);
    expect(new Set(slugs).size).toBe(3);
    expect(slugs).toContain(`shared-${shortHash('dir:Shared/.')}-2`);
  });

  it('names the damaged shard and says what to do, instead of a stack trace', async () => {
    const first = await shard('one', ['alpha']);
    const second = await shard('two', ['beta']);
    // Every page after the header and schema root overwritten, as a torn copy would leave it.
    const fd = openSync(second, 'r+');
    for (let offset = 4096; offset < fstatSync(fd).size; offset += 4096) writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, offset);
    closeSync(fd);

    const merged = join(dir, 'merged.sqlite');
    const merge = (): unknown => mergeCatalogs([first, second], merged);

    expect(merge).toThrow(CatalogError);
    expect(merge).toThrow(new RegExp(`${second.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*(damaged|not an SQLite database)`));
    expect(existsSync(merged), 'no half-merged catalog is left behind').toBe(false);
  });
});
