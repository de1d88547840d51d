import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawl } from '../../crawler/pipeline/crawl.ts';
import { openCatalog } from '../../crawler/store/open.ts';
import { buildSite } from '../../site/build.ts';
import { serveStatic } from '../../site/serve.ts';

/**
 * A hostile server author must not be able to hide a tool from the catalog or take another tool's URL
 * (issue 9): the fixture `ts-hostile-tool-names` registers tools named `_exec_shell`, `__proto__`, `..`,
 * `工具`, `Tool`/`tool`, `café` twice (NFC, NFD)…, and the test lays out more repositories whose folder
 * names (the servers' names and slugs) and server paths are hostile too. It crawls them with the real
 * crawler, builds the real site and counts every place a tool should appear.
 */

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'ts-hostile-tool-names');
const LONG = `read_${'very_'.repeat(60)}long_name_`;

/** The names registered by the fixture, in its order (one of them twice). */
const FIXTURE_NAMES = [
  '_exec_shell', 'exec_shell', '_x', '.x', '..', '-', '*', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '!!!',
  '工具', 'ツール', '🔥', 'Tool', 'tool', 'TOOL', 'tool-2', 'caf\u00e9', 'cafe\u0301', `${LONG}a`, `${LONG}b`,
  'a/b', 'a\\b', 'what?', '#top', '100%', '%2e%2e', 'line\nbreak', 'index.html', 'dup', 'dup',
];

/** Repositories (folder names) holding one small server each, named as its folder: hostile server names and slugs. */
const HOSTILE_REPOSITORIES = ['_hidden-server', '工具箱', 'a?b#c%d', 'Back\\slash', 'line\nfeed', 'Case', 'case', 'index.html', '__proto__'];
/** Server folders inside one monorepo: hostile server paths. */
const HOSTILE_PATHS = ['_internal', 'a b', '%2e%2e', '工具', 'Q?#'];
/** The tools of each small server. */
const SMALL_SERVER_TOOLS = ['_exec_shell', 'constructor'];

function smallServer(dir: string, name: string): void {
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name, version: '0.0.1', dependencies: { '@modelcontextprotocol/sdk': '1.20.0', zod: '3.25.0' } }, null, 2)}\n`);
  writeFileSync(join(dir, 'src', 'index.ts'), [
    'import { execSync } from "node:child_process";',
    'import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";',
    'import { z } from "zod";',
    'const server = new McpServer({ name: "small", version: "0.0.1" });',
    'server.tool("_exec_shell", "Runs a shell command on the host.", { command: z.string() }, async ({ command }) => ({ content: [{ type: "text", text: execSync(command, { encoding: "utf8" }) }] }));',
    'server.tool("constructor", "Echoes the text back.", { text: z.string() }, async ({ text }) => ({ content: [{ type: "text", text }] }));',
    '',
  ].join('\n'));
}

const decode = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Every `/tools/…` link of the tool tables on a page. */
function toolTableLinks(page: string): string[] {
  const tables = page.match(/<table class="tool-table"[\s\S]*?<\/table>/g) ?? [];
  return tables.flatMap((table) => [...table.matchAll(/<a href="(\/tools\/[^"]*)"/g)].map((m) => decode(m[1])));
}

interface Tool {
  name: string;
  server: string;
  slug: string;
  risk: string;
}

let dir: string;
let out: string;
let tools: Tool[];
let servers: { slug: string; name: string; path: string; repo: string }[];
let browser: Browser | undefined;
let site: { url: string; close(): Promise<void> } | undefined;

const read = (path: string): string => readFileSync(join(out, path), 'utf8');
const href = (tool: Tool): string => `/tools/${encodeURIComponent(tool.server)}/${encodeURIComponent(tool.slug)}/`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mcp-risk-reachable-'));
  const repos = join(dir, 'repos');
  cpSync(FIXTURE, join(repos, 'hostile-tool-names'), { recursive: true });
  for (const name of HOSTILE_REPOSITORIES) smallServer(join(repos, name), name);
  for (const path of HOSTILE_PATHS) smallServer(join(repos, 'monorepo', path), `monorepo ${path}`);
  const dbFile = join(dir, 'catalog.sqlite');
  const db = openCatalog(dbFile);
  try {
    const summary = await runCrawl(db, { sources: [{ kind: 'dir', path: repos }] });
    expect(summary.failures).toEqual([]);
    tools = db.prepare(`SELECT t.name, s.slug AS server, t.slug, c.risk FROM tools t JOIN servers s ON s.id = t.server_id JOIN classifications c ON c.tool_id = t.id`).all() as Tool[];
    servers = db.prepare('SELECT s.slug, s.name, s.path, r.full_name AS repo FROM servers s JOIN repositories r ON r.id = s.repo_id').all() as typeof servers;
  } finally {
    db.close();
  }
  out = join(dir, 'site');
  await buildSite({ db: dbFile, outDir: out, quiet: true, site: 'https://catalog.example' });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a server whose tool names try to hide a tool or take its URL', () => {
  it('is crawled whole: every registered tool and every server is in the catalog', () => {
    const expected = [...FIXTURE_NAMES, ...Array.from({ length: HOSTILE_REPOSITORIES.length + HOSTILE_PATHS.length }, () => SMALL_SERVER_TOOLS).flat()];
    expect(tools.map((t) => t.name).sort()).toEqual(expected.sort());
    expect(servers).toHaveLength(1 + HOSTILE_REPOSITORIES.length + HOSTILE_PATHS.length);
    expect(tools.filter((t) => t.name === '_exec_shell').every((t) => t.risk === 'critical')).toBe(true);
  });

  it('gives every tool its own URL, and every server its own', () => {
    // Also when a file system or host ignores case.
    expect(new Set(tools.map((t) => href(t).toLowerCase())).size).toBe(tools.length);
    expect(new Set(servers.map((s) => s.slug.toLowerCase())).size).toBe(servers.length);
  });

  it('writes a page for every tool that shows its real name, and its JSON export', () => {
    for (const tool of tools) {
      const page = read(join('tools', tool.server, tool.slug, 'index.html'));
      const h1 = page.match(/<h1><code>([\s\S]*?)<\/code><\/h1>/);
      expect(h1?.[1], JSON.stringify(tool.name)).toBeDefined();
      expect(decode(h1![1]), JSON.stringify(tool.name)).toBe(tool.name);
      const json = JSON.parse(read(join('api', 'tools', tool.server, `${tool.slug}.json`)));
      expect(json.tool.name).toBe(tool.name);
      expect(json.server.slug).toBe(tool.server);
    }
  });

  it('counts on the home page exactly the tools that the listings, server tables, catalog.json, sitemap and search hold', () => {
    const all = tools.map(href).sort();
    const home = read('index.html').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(home).toContain(`${tools.length} tools`);

    const listed = ['low', 'medium', 'high', 'critical'].flatMap((level) =>
      existsSync(join(out, 'risk', level, 'index.html')) ? toolTableLinks(read(join('risk', level, 'index.html'))) : []);
    expect(listed.sort(), 'risk listings').toEqual(all);

    const serverTables = servers.flatMap((server) => toolTableLinks(read(join('servers', server.slug, 'index.html'))));
    expect(serverTables.sort(), 'server tool tables').toEqual(all);
    const index = [...read(join('servers', 'index.html')).matchAll(/<td><a href="(\/servers\/[^"]+)"/g)].map((m) => decode(m[1]));
    expect(index.sort(), 'servers index').toEqual(servers.map((s) => `/servers/${s.slug}/`).sort());

    const catalog = JSON.parse(read(join('api', 'catalog.json'))) as { counts: { tools: number }; servers: { tools: { name: string; page: string }[] }[] };
    expect(catalog.counts.tools).toBe(tools.length);
    expect(catalog.servers.flatMap((s) => s.tools.map((t) => t.page)).sort(), 'catalog.json').toEqual(all);
    expect(catalog.servers.flatMap((s) => s.tools.map((t) => t.name)).sort()).toEqual(tools.map((t) => t.name).sort());

    const sitemap = readdirSync(join(out, 'sitemaps')).flatMap((file) => [...read(join('sitemaps', file)).matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => decode(m[1])));
    const sitemapTools = sitemap.filter((url) => url.startsWith('https://catalog.example/tools/')).map((url) => url.slice('https://catalog.example'.length));
    expect(sitemapTools.sort(), 'sitemap').toEqual(all);

    const searchTools = searchRecordUrls(join(out, 'pagefind')).filter((url) => url.startsWith('/tools/'));
    expect(searchTools.sort(), 'search index').toEqual(all);
  });
});

/** The URL of every record in the Pagefind index (its fragments: gzip, a `pagefind_dcd` marker, JSON). */
function searchRecordUrls(pagefind: string): string[] {
  return readdirSync(join(pagefind, 'fragment')).map((file) => {
    const data = gunzipSync(readFileSync(join(pagefind, 'fragment', file))).toString('utf8');
    return (JSON.parse(data.slice(data.indexOf('{'))) as { url: string }).url;
  });
}

describe('the critical tool whose name starts with an underscore, in a browser', () => {
  it('has a page that loads, and search finds it', { timeout: 120_000 }, async () => {
    site = await serveStatic(out, 0);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    const shell = tools.find((t) => t.name === '_exec_shell' && t.server.startsWith('hostile-tool-names'))!;
    const page = await browser.newPage();
    try {
      const response = await page.goto(new URL(href(shell), site.url).href);
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1').textContent()).resolves.toBe('_exec_shell');
      await expect(page.locator('.risk-badge').first().textContent()).resolves.toBe('Critical Risk');
      // Every `_exec_shell` of every server is found by its real name (Pagefind shows five at a time).
      const shells = tools.filter((t) => t.name === '_exec_shell').map(href);
      await page.goto(new URL('/search/?q=_exec_shell', site.url).href);
      const results = page.locator('.pagefind-ui__result-link');
      const more = page.getByRole('button', { name: 'Load more results' });
      await expect.poll(async () => {
        if (await more.isVisible()) await more.click();
        return results.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      }, { timeout: 30_000 }).toEqual(expect.arrayContaining(shells));
    } finally {
      await page.close();
    }
  });
});
