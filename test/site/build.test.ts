import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../site/build.ts';
import { HOSTILE, seedCatalog, type SeededCatalog } from './seed-catalog.ts';

let dir: string;
let out: string;
let seeded: SeededCatalog;
let pages: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mcp-risk-site-build-'));
  out = join(dir, 'site');
  seeded = seedCatalog(join(dir, 'catalog.sqlite'));
  ({ pages } = await buildSite({ db: join(dir, 'catalog.sqlite'), outDir: out, quiet: true }));
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
  it('has a page for home, every tool, server and risk level, and a 404 page', () => {
    // home, 404, servers index, 3 servers, 5 tools, 4 risk levels
    expect(pages).toBe(15);
    for (const tool of seeded.tools) expect(existsSync(join(out, toolPath(tool), 'index.html')), tool.slug).toBe(true);
    for (const server of seeded.servers) expect(existsSync(join(out, 'servers', server.slug, 'index.html')), server.slug).toBe(true);
    for (const level of ['low', 'medium', 'high', 'critical']) expect(existsSync(join(out, 'risk', level, 'index.html')), level).toBe(true);
    expect(text(html('404.html'))).toContain('Page not found');
  });

  it('shows counts on the home page and links to the risk pages and servers', () => {
    const home = html('');
    expect(text(home)).toMatch(/3 repositories 3 servers 5 tools/);
    for (const level of ['low', 'medium', 'high', 'critical']) expect(home).toContain(`href="/risk/${level}/"`);
    expect(home).toContain('href="/servers/"');
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
  });

  it('shows the recommended policy exactly as stored, with a copy button', () => {
    for (const tool of seeded.tools) {
      const page = html(toolPath(tool));
      expect(codeText(page, 'tool-policy'), tool.slug).toBe(tool.policy);
      expect(page).toContain('data-copy-target="tool-policy"');
    }
  });

  it('flags a declared annotation that contradicts the behaviour', () => {
    const seen = text(html(toolPath(seeded.writeFile)));
    expect(seen).toContain('Contradiction: declared readOnlyHint: true, but the tool is classified as write');
    expect(seen).toContain('set by the author');
  });

  it('shows a server page with its tools by risk, its dynamic registrations and its policy', () => {
    const server = seeded.servers.find((s) => s.slug === 'modelcontextprotocol-servers-src-filesystem')!;
    const page = html(`servers/${server.slug}`);
    const seen = text(page);
    expect(seen.indexOf('write_file')).toBeLessThan(seen.indexOf('read_file'));
    expect(seen.indexOf('read_file')).toBeLessThan(seen.indexOf('list_allowed_directories'));
    expect(seen).toContain('tools registered in a loop over a runtime plugin list');
    expect(page).toContain('href="https://github.com/modelcontextprotocol/servers"');
    expect(seen).toContain(seeded.commits.servers.slice(0, 12));
    expect(codeText(page, 'server-policy')).toBe(server.policy);
  });

  it('lists the tools of each risk level', () => {
    expect(text(html('risk/critical'))).toContain('run_python_code');
    expect(text(html('risk/low'))).toContain('list_allowed_directories');
    expect(text(html('risk/low'))).not.toContain('run_python_code');
  });

  it('shows hostile text only escaped, and never as a link', () => {
    const files = [toolPath(seeded.hostileTool), 'servers/hostile', 'risk/high', 'servers', ''];
    for (const file of files) {
      const page = html(file);
      expect(page, file).not.toContain(HOSTILE.script);
      expect(page, file).not.toContain('<img src=x');
      expect(page, file).not.toMatch(/href="javascript:/i);
      // No real tag carries an event handler (escaped text may well read "onerror=").
      const handlers = (page.match(/<[a-z][^>]*>/gi) ?? []).filter((tag) => /\son\w+\s*=/i.test(tag));
      expect(handlers, file).toEqual([]);
    }
    const page = html(toolPath(seeded.hostileTool));
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text(page)).toContain(HOSTILE.attribute);
    expect(text(page)).toContain(HOSTILE.url);
    expect(codeText(page, 'tool-policy')).toBe(seeded.hostileTool.policy);
    // The only <script> on the page is the copy button's own.
    expect(page.match(/<script\b/g)).toHaveLength(1);
  });

  it('shortens a long description and keeps the whole of it in a <details>', () => {
    const page = html(toolPath(seeded.hostileTool));
    expect(page).toMatch(/<details[^>]*>\s*<summary[^>]*>Full description \(2,\d{3} characters\)<\/summary>/);
    expect(page.match(/END-OF-DESCRIPTION/g)).toHaveLength(1);
  });
});
