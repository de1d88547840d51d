import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog } from '../../crawler/store/open.ts';
import { cli, ROOT } from '../cli/run-cli.ts';

const SDK = '{"name":"%s","dependencies":{"@modelcontextprotocol/sdk":"^1.17.0"}}\n';

/** Five small repositories, one per case the figures tell apart. */
const REPOSITORIES: Record<string, Record<string, string>> = {
  // Two tools, one of them with nothing to classify it by.
  notes: {
    'package.json': SDK.replace('%s', 'notes-mcp'),
    'src/index.ts': [
      'import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";',
      'const server = new McpServer({ name: "notes", version: "1.0.0" });',
      'server.tool("read_note", "Reads one note by its id", async () => ({ content: [] }));',
      'server.tool("zq", async () => ({ content: [] }));',
      '',
    ].join('\n'),
  },
  // Its tools/list handler builds the list in code the extractor does not follow.
  listed: {
    'package.json': SDK.replace('%s', 'listed-mcp'),
    'src/index.ts': [
      'import { Server } from "@modelcontextprotocol/sdk/server/index.js";',
      'import { ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";',
      'import { loadTools } from "./inventory.js";',
      'const server = new Server({ name: "listed", version: "1.0.0" }, { capabilities: { tools: {} } });',
      'server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: await loadTools() }));',
      '',
    ].join('\n'),
  },
  // An MCP client only: the SDK is named, no tool is registered.
  client: {
    'package.json': SDK.replace('%s', 'client-app'),
    'src/index.ts': 'import { Client } from "@modelcontextprotocol/sdk/client/index.js";\nexport const client = new Client({ name: "app", version: "1.0.0" });\n',
  },
  // No MCP at all.
  plain: {
    'package.json': '{"name":"plain","dependencies":{"express":"^4.0.0"}}\n',
    'src/index.ts': 'export const answer = 42;\n',
  },
};

describe('mcp-risk stats --quality', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mcp-risk-quality-'));
    db = join(dir, 'catalog.sqlite');
    for (const [repository, files] of Object.entries(REPOSITORIES)) {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, 'repos', repository, path)), { recursive: true });
        writeFileSync(join(dir, 'repos', repository, path), text);
      }
    }
    // Tools generated from an OpenAPI document the repository does not hold.
    cpSync(join(ROOT, 'test', 'fixtures', 'ts-openapi-generated'), join(dir, 'repos', 'openapi'), { recursive: true });
    rmSync(join(dir, 'repos', 'openapi', 'openapi'), { recursive: true });
    const crawl = await cli(['crawl', '--source', `dir:${join(dir, 'repos')}`, '--db', db]);
    expect(crawl.code, crawl.stderr).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('tells servers with no tool apart by why, and repositories without a server by what their manifests name', async () => {
    const run = await cli(['stats', '--quality', '--json', '--db', db]);

    expect(run.code, run.stderr).toBe(0);
    const q = JSON.parse(run.stdout);
    expect(q.repositories.total).toBe(5);
    expect(q.repositories.withoutServers).toEqual([
      { repository: 'client', reason: 'MCP dependency, no registration recognised', note: 'no MCP server found: the manifests name @modelcontextprotocol/sdk, but no tool registration was recognised' },
      { repository: 'plain', reason: 'not a server (no MCP dependency)', note: 'no MCP server found: no manifest names an MCP dependency' },
    ]);
    expect(q.serversPerRepository).toEqual({ '0': 2, '1': 3, '2': 0, '3-5': 0, '6-10': 0, '11+': 0 });
    expect(q.servers).toBe(3);
    expect(q.tools).toBe(2);
    expect(q.zeroToolServers).toMatchObject({
      count: 2, share: 0.6667, excludingDynamic: 0, excludingGenerated: 1, shareExcludingGenerated: 0.3333,
      byReason: { 'dynamic: generated': 1, 'dynamic: built in code': 1, 'framework not supported': 0, 'not a server': 0 },
    });
    expect(q.zeroToolServers.servers).toEqual([
      { server: 'listed', reason: 'dynamic: built in code', dynamic: 'the tools/list handler builds its list at run time' },
      { server: 'openapi', reason: 'dynamic: generated', dynamic: expect.stringContaining('OpenAPI') },
    ]);
    expect(q.worstServers[0]).toMatchObject({ server: 'listed', tools: 0, zeroToolReason: 'dynamic: built in code' });
  });

  it('gives the rates over the catalog and our categories beside PolicyLayer\'s published ones', async () => {
    const q = JSON.parse((await cli(['stats', '--quality', '--json', '--db', db])).stdout);
    const catalog = openCatalog(db, { readonly: true });
    const rows = catalog.prepare('SELECT c.category, c.policylayer_category AS pl, c.confidence FROM classifications c').all() as { category: string; pl: string; confidence: number }[];
    catalog.close();

    expect(q.unknownCategoryRate).toBe(rows.filter((r) => r.category === 'unknown').length / rows.length);
    expect(q.lowConfidenceRate.classification).toBe(rows.filter((r) => r.confidence < 0.5).length / rows.length);
    expect(q.policyLayer.ours.Read).toBe(rows.filter((r) => r.pl === 'Read').length / rows.length);
    expect(q.policyLayer.published).toEqual({ tools: 224112, share: { Read: 0.61, Write: 0.21, Execute: 0.096, 'Destructive or Financial': 0.078 } });
  });

  it('prints the same figures as a screenful of text', async () => {
    const run = await cli(['stats', '--quality', '--db', db]);

    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('5 repositories (0 failed, 2 without a server), 3 servers, 2 tools');
    expect(run.stdout).toContain('servers with no tool: 2 (66.7%)');
    expect(run.stdout).toContain('  plain: no manifest names an MCP dependency');
    expect(run.stdout).toMatch(/Read\s+\d+\.\d% \|\s+61\.0%/);
  });
});
