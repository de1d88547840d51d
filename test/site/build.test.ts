import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../site/build.ts';
import { HOSTILE, XSS_PAYLOADS, seedCatalog, type SeededCatalog } from './seed-catalog.ts';

let dir: string;
let out: string;
let seeded: SeededCatalog;
let pages: number;
let toolPages: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mcp-risk-site-build-'));
  out = join(dir, 'site');
  seeded = seedCatalog(join(dir, 'catalog.sqlite'));
  ({ pages, toolPages } = await buildSite({ db: join(dir, 'catalog.sqlite'), outDir: out, quiet: true, search: false, site: 'https://catalog.example' }));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function html(path: string): string {
  return readFileSync(join(out, path, path.endsWith('.html') ? '' : 'index.html'), 'utf8');
}

/** The page's text as a reader sees it: tags removed, entities decoded. */
function text(page: string): string {
  return page
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The exact text inside the element with this id (entities decoded), as textContent would give it. */
function codeText(page: string, id: string): string {
  const match = page.match(new RegExp(`<code id="${id}"[^>]*>([\\s\\S]*?)</code>`));
  if (!match) throw new Error(`no <code id="${id}">`);
  return match[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

const toolPath = (tool: { serverSlug: string; slug: string }) => `tools/${tool.serverSlug}/${tool.slug}`;

describe('the built site', () => {
  it('has a page for home, every tool, server, risk level and category, changes, search and a 404 page', () => {
    expect(toolPages).toBe(seeded.counts.tools);
    // home, 404, search, changes, servers index, 4 servers, 4 risk levels, 4 categories
    expect(pages).toBe(seeded.counts.tools + 5 + 4 + 4 + 4);
    for (const tool of seeded.tools) expect(existsSync(join(out, toolPath(tool), 'index.html')), tool.slug).toBe(true);
    for (const server of seeded.servers) expect(existsSync(join(out, 'servers', server.slug, 'index.html')), server.slug).toBe(true);
    for (const level of ['low', 'medium', 'high', 'critical']) expect(existsSync(join(out, 'risk', level, 'index.html')), level).toBe(true);
    for (const category of ['read', 'write', 'execute', 'unknown']) expect(existsSync(join(out, 'category', category, 'index.html')), category).toBe(true);
    expect(text(html('404.html'))).toContain('Page not found');
  });

  it('shows counts and the risk distribution as an inline SVG chart on the home page', () => {
    const home = html('');
    expect(text(home)).toMatch(/4 repositories 4 servers 40 tools/);
    expect(home).toMatch(/<svg class="chart"[^>]*role="img"/);
    expect(text(home)).toContain(`Critical Risk: ${seeded.counts.critical} tools`);
    for (const level of ['low', 'medium', 'high', 'critical']) expect(home).toContain(`href="/risk/${level}/"`);
    expect(home).toContain('href="/category/read/"');
    expect(home).toContain('action="/search/"');
  });

  it('shows a tool page as a reader needs it: badge, category, evidence, source line, annotations', () => {
    const page = html(toolPath(seeded.pythonTool));
    const seen = text(page);
    expect(seen).toContain('Critical Risk');
    expect(seen).toContain('run_python_code');
    expect(seen).toMatch(/Category execute PolicyLayer category Execute/);
    expect(seen).toMatch(/Parameters 2 \/ 1 required/);
    expect(seen).toContain('Runs caller-supplied Python with exec()');
    expect(seen).toContain('exec(code, namespace)');
    expect(page).toContain(`href="https://github.com/shibing624/mcp-run-python-code/blob/${seeded.commits.python}/run_python_code/mcp_server.py#L41"`);
    expect(page).toContain(`href="https://github.com/shibing624/mcp-run-python-code/blob/${seeded.commits.python}/run_python_code/mcp_server.py#L27"`);
    expect(seen).toContain(seeded.pythonTool.policyNote);
    expect(page).toContain('href="/servers/shibing624-mcp-run-python-code-run_python_code/"');
    expect(seen).toContain('Questions about run_python_code');
    expect(page).toContain('data-pagefind-filter="risk">Critical Risk<');
  });

  it('shows every policy format exactly as stored, each with a copy button, and the example calls', () => {
    for (const tool of seeded.tools.filter((t) => t.serverSlug !== 'xss-gallery')) {
      const page = html(toolPath(tool));
      const formats = seeded.formats.tools[`${tool.serverSlug}/${tool.slug}`];
      Object.values(formats).forEach((policy, index) => {
        expect(codeText(page, `tool-policy-code-${index}`), `${tool.slug} ${index}`).toBe(policy);
        expect(page).toContain(`data-copy-target="tool-policy-code-${index}"`);
      });
    }
    const seen = text(html(toolPath(seeded.readFile)));
    expect(seen).toContain('Example calls checked against this policy.json policy');
    expect(seen).toMatch(/Allowed read_file is listed under tools/);
    expect(seen).toMatch(/Denied call 31 within a minute exceeds read_file_rate/);
  });

  it("flags a declared annotation that the classifier found contradicted", () => {
    const seen = text(html(toolPath(seeded.writeFile)));
    expect(seen).toContain('Contradiction: Declared read-only, yet it writes');
    expect(seen).toContain('The declared annotations contradict what the classifier found in the code.');
    expect(seen).toContain('set by the author');
  });

  it('warns first about a poisoned description', () => {
    const page = html(toolPath(seeded.hostileTool));
    const seen = text(page);
    expect(seen).toContain("Warning: this tool's text may manipulate your agent");
    expect(seen.indexOf('Warning: this tool')).toBeLessThan(seen.indexOf('Description'));
    expect(seen).toContain('hasPoisonedDescription');
  });

  it('shows a server page with facts, assessment, tools by risk, dynamic registrations and every policy format', () => {
    const server = seeded.servers.find((s) => s.slug === 'modelcontextprotocol-servers-src-filesystem')!;
    const page = html(`servers/${server.slug}`);
    const seen = text(page);
    const table = seen.slice(seen.indexOf('Tools by risk'));
    expect(table.indexOf('write_file')).toBeLessThan(table.indexOf('read_file'));
    expect(table.indexOf('read_file')).toBeLessThan(table.indexOf('list_allowed_directories'));
    expect(seen).toContain('tools registered in a loop over a runtime plugin list');
    expect(page).toContain('href="https://github.com/modelcontextprotocol/servers"');
    expect(seen).toContain(seeded.commits.servers.slice(0, 12));
    expect(seen).toMatch(/Crawled 2026-11-26 Stars 70,000/);
    expect(seen).toMatch(/Server risk: High Risk/);
    expect(seen).toContain('No lethal trifecta');
    Object.values(seeded.formats.servers[server.slug]).forEach((policy, index) => expect(codeText(page, `server-policy-code-${index}`)).toBe(policy));
    expect(page).toContain('data-sortable');
  });

  it('lists the tools of each risk level and category, and the recent changes', () => {
    expect(text(html('risk/critical'))).toContain('run_python_code');
    expect(text(html('risk/low'))).toContain('list_allowed_directories');
    expect(text(html('risk/low'))).not.toContain('run_python_code');
    expect(text(html('category/execute'))).toContain('run_python_code');
    const changes = text(html('changes'));
    expect(changes).toMatch(/Removed delete_everything/);
    expect(changes).toMatch(/Changed write_file modelcontextprotocol-servers-src-filesystem Medium Risk → High Risk/);
  });

  it('exports each tool as JSON, the catalog, the database, a sitemap and llms.txt', () => {
    const tool = JSON.parse(readFileSync(join(out, 'api/tools', seeded.readFile.serverSlug, 'read_file.json'), 'utf8'));
    expect(tool.tool.name).toBe('read_file');
    expect(tool.classification.risk).toBe('medium');
    expect(tool.policies['policy-json'].text).toBe(seeded.readFile.policy);
    const catalog = JSON.parse(readFileSync(join(out, 'api/catalog.json'), 'utf8'));
    expect(catalog.counts.tools).toBe(seeded.counts.tools);
    expect(catalog.servers.flatMap((s: { tools: unknown[] }) => s.tools)).toHaveLength(seeded.counts.tools);
    expect(readFileSync(join(out, 'catalog.sqlite')).subarray(0, 15).toString()).toBe('SQLite format 3');
    expect(readFileSync(join(out, 'sitemap.xml'), 'utf8')).toContain('<loc>https://catalog.example/sitemaps/1.xml</loc>');
    const urls = readFileSync(join(out, 'sitemaps/1.xml'), 'utf8');
    expect(urls).toContain(`<loc>https://catalog.example/tools/${seeded.readFile.serverSlug}/read_file/</loc>`);
    expect(urls).not.toContain('<script');
    expect(readFileSync(join(out, 'llms.txt'), 'utf8')).toMatch(/^# mcp-risk\n\n> An open catalog/);
  });

  it('shows hostile text only escaped, and never as a link or a tag', () => {
    const files = [toolPath(seeded.hostileTool), 'servers/hostile', 'servers/xss-gallery', 'risk/high', 'servers', '', 'changes',
      ...seeded.xssTools.map(toolPath)];
    for (const file of files) {
      const page = html(file);
      expect(page, file).not.toContain(HOSTILE.script);
      expect(page, file).not.toContain('<img src=x');
      expect(page, file).not.toMatch(/href="javascript:/i);
      expect(page, file).not.toMatch(/<(iframe|svg onload|object|embed|base|meta http-equiv|form action|style>\*)/i);
      // No real tag carries an event handler (escaped text may well read "onerror=").
      const handlers = (page.match(/<[a-z](?:[^>"]|"[^"]*")*>/gi) ?? []).filter((tag) => /\son\w+\s*=/i.test(tag.replace(/"[^"]*"/g, '""')));
      expect(handlers, file).toEqual([]);
      // Our own single script only.
      expect(page.match(/<script\b[^>]*>/g), file).toEqual(['<script type="module" src="/site.js">']);
    }
    const page = html(toolPath(seeded.hostileTool));
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text(page)).toContain(HOSTILE.attribute);
    expect(text(page)).toContain(HOSTILE.url);
    expect(codeText(page, 'tool-policy-code-0')).toBe(seeded.hostileTool.policy);
    for (const [index, tool] of seeded.xssTools.entries()) expect(text(html(toolPath(tool))), tool.slug).toContain(XSS_PAYLOADS[index]);
  });

  it('shortens a long description and keeps the whole of it in a <details>', () => {
    const page = html(toolPath(seeded.hostileTool));
    expect(page).toMatch(/<details[^>]*>\s*<summary[^>]*>Full description \(2,\d{3} characters\)<\/summary>/);
    expect(page.match(/END-OF-DESCRIPTION/g)).toHaveLength(1);
  });
});
