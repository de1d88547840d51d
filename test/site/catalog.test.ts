import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../../crawler/store/open.ts';
import { writeToolPages } from '../../site/bulk/tool-pages.ts';
import { loadChanges, loadHomeStats, loadListing, loadServerIndex, loadServerPage, loadToolPages, serverIds, unservableSlugs, type ToolPage } from '../../site/src/lib/catalog.ts';
import { HOSTILE, XSS_PAYLOADS, seedCatalog, type SeededCatalog } from './seed-catalog.ts';

let dir: string;
let db: Catalog;
let seeded: SeededCatalog;
let pages: ToolPage[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mcp-risk-site-catalog-'));
  seeded = seedCatalog(join(dir, 'catalog.sqlite'));
  db = openCatalog(join(dir, 'catalog.sqlite'), { readonly: true });
  pages = loadToolPages(db);
});

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const page = (slug: string) => pages.find((p) => p.tool.slug === slug)!;

describe('home stats', () => {
  it('count repositories, servers, tools and tools per risk', () => {
    expect(loadHomeStats(db)).toMatchObject({
      repositories: 4, servers: 4, tools: seeded.counts.tools, unclassified: 0,
      byRisk: { low: seeded.counts.low, medium: seeded.counts.medium, high: seeded.counts.high, critical: seeded.counts.critical },
      lastCrawl: '2026-11-27T02:10:00Z',
    });
    // Categories that cannot be a URL segment (a payload) are left out of the browse pages.
    expect(loadHomeStats(db).byCategory.map((c) => c.category).sort()).toEqual(['execute', 'read', 'unknown', 'write']);
  });
});

describe('tool pages', () => {
  it('carry the classification, the policy text unchanged and the source line at the commit', () => {
    const python = page('run_python_code');
    expect(python.classification).toMatchObject({ category: 'execute', policyLayerCategory: 'Execute', risk: 'critical', tags: ['code', 'shell'] });
    expect(python.classification!.policy).toBe(seeded.pythonTool.policy);
    expect(python.classification!.policyNote).toBe(seeded.pythonTool.policyNote);
    expect(python.tool.sourceUrl).toBe(`https://github.com/shibing624/mcp-run-python-code/blob/${seeded.commits.python}/run_python_code/mcp_server.py#L27`);
    expect(python.parameters).toMatchObject({ count: 2, required: 1 });
  });

  it('link code evidence to its line and keep text evidence as a quote', () => {
    const [finding] = page('run_python_code').findings;
    expect(finding.rule).toBe('runsCallerCode');
    expect(finding.evidence[0]).toMatchObject({ kind: 'code', line: 41, url: `https://github.com/shibing624/mcp-run-python-code/blob/${seeded.commits.python}/run_python_code/mcp_server.py#L41` });
    expect(finding.evidence[1]).toMatchObject({ kind: 'text', field: 'description', full: 'Run Python code and return the output.' });
  });

  it("report annotations that contradict the behaviour from the classifier's findings", () => {
    const rows = page('write_file').annotations;
    expect(rows.find((r) => r.hint === 'readOnlyHint')!.contradiction).toBe('Declared read-only, yet it writes');
    expect(page('write_file').contradictions.map((f) => f.rule)).toEqual(['declaresReadOnlyButWrites']);
    expect(page('read_file').annotations.every((r) => r.contradiction === null)).toBe(true);
  });

  it('put poisoning findings apart, to be shown first', () => {
    expect(page('script-alert-1-script').poisoning.map((f) => f.rule)).toEqual(['hasPoisonedDescription']);
    expect(page('read_file').poisoning).toEqual([]);
  });

  it('carry every policy format, policy.json first, each exactly as stored, with its example calls', () => {
    const readFile = page('read_file');
    expect(readFile.policies.map((p) => p.format)).toEqual(['policy-json', 'intercept-yaml', 'claude-code', 'codex']);
    for (const policy of readFile.policies) expect(policy.text).toBe(seeded.formats.tools[`${seeded.readFile.serverSlug}/read_file`][policy.format]);
    expect(readFile.policies[0].examples.map((e) => e.decision)).toEqual(['allow', 'deny', 'deny']);
    expect(JSON.parse(readFile.policies[0].examples[0].call)).toEqual({ name: 'read_file', arguments: {} });
  });

  it('answer the FAQ from the policy: a rate-limited tool names its limit, a hidden one says hide', () => {
    const faqText = (p: ToolPage) => p.faq.map((e) => `${e.question} ${e.answer.map((s) => (typeof s === 'string' ? s : s.code)).join('')}`).join('\n');
    expect(faqText(page('read_file'))).toMatch(/at most 30 calls per minute, counted in read_file_rate/);
    expect(faqText(page('run_python_code'))).toMatch(/under hide/);
  });

  it('list the other tools of the server, riskiest first', () => {
    const readFile = page('read_file');
    expect(readFile.siblings.map((s) => s.name)).toEqual(['write_file', 'list_allowed_directories']);
    expect(readFile.siblingCount).toBe(2);
  });

  it('never turn a hostile repository URL or a climbing path into a link', () => {
    const hostile = page('script-alert-1-script');
    expect(hostile.tool.name).toBe(HOSTILE.script);
    expect(hostile.server.repository.url).toBeNull();
    expect(hostile.tool.sourceUrl).toBeNull();
    expect(hostile.findings[0].evidence.every((e) => e.kind === 'text' || e.url === null)).toBe(true);
  });
});

describe('server pages', () => {
  it('sort tools by risk and list dynamic registrations', () => {
    const fs = loadServerPage(db, serverIds(db).find((s) => s.slug === 'modelcontextprotocol-servers-src-filesystem')!.id);
    expect(fs.tools.map((t) => `${t.risk}:${t.name}`)).toEqual(['high:write_file', 'medium:read_file', 'low:list_allowed_directories']);
    expect(fs.dynamic).toEqual([{
      file: 'src/filesystem/plugins.ts', line: 12, reason: 'tools registered in a loop over a runtime plugin list',
      url: `https://github.com/modelcontextprotocol/servers/blob/${seeded.commits.servers}/src/filesystem/plugins.ts#L12`,
    }]);
    expect(fs.policies.map((p) => p.text)).toEqual(Object.values(seeded.formats.servers[fs.server.slug]));
    expect(fs.assessment).toMatchObject({ risk: 'high', counts: { high: 1, medium: 1, low: 1 }, trifecta: { present: false, privateData: ['read_file'] } });
    expect(fs.server.repository.crawledAt).toBe('2026-11-26T02:05:00Z');
  });

  it('index servers riskiest first', () => {
    expect(loadServerIndex(db).map((s) => s.maxRisk)).toEqual(['critical', 'critical', 'high', 'high']);
  });
});

describe('listings', () => {
  it('put each classified tool under its level and category', () => {
    const names = (kind: 'risk' | 'category', value: string) => loadListing(db, kind, value, 1).tools.filter((t) => t.serverSlug !== 'xss-gallery').map((t) => t.name);
    expect(names('risk', 'critical')).toEqual(['run_python_code']);
    expect(names('risk', 'high').sort()).toEqual([HOSTILE.script, 'write_file'].sort());
    expect(names('risk', 'low')).toEqual(['list_allowed_directories']);
    expect(names('category', 'execute')).toEqual(['run_python_code']);
    expect(loadListing(db, 'risk', 'low', 1)).toMatchObject({ page: 1, lastPage: 1, total: seeded.counts.low });
  });
});

describe('changes', () => {
  it('list added, changed and removed tools, newest first, linking only tools that still exist', () => {
    const changes = loadChanges(db);
    expect(changes.slice(0, 3).map((c) => `${c.change}:${c.toolName}`)).toEqual([`removed:${XSS_PAYLOADS[4]}`, 'removed:delete_everything', 'changed:write_file']);
    expect(changes[2]).toMatchObject({ riskBefore: 'medium', riskAfter: 'high', href: { serverSlug: 'modelcontextprotocol-servers-src-filesystem', toolSlug: 'write_file' } });
    expect(changes[1].href).toBeNull();
    expect(changes.filter((c) => c.change === 'added')).toHaveLength(seeded.counts.tools);
  });
});

describe('a tool without a classification', () => {
  it('still gets a page, counted as unclassified and left out of the risk pages', () => {
    const file = join(dir, 'unclassified.sqlite');
    seedCatalog(file);
    const writable = openCatalog(file);
    writable.prepare("DELETE FROM classifications WHERE tool_id = (SELECT id FROM tools WHERE slug = 'list_allowed_directories')").run();
    writable.close();
    const catalog = openCatalog(file, { readonly: true });
    try {
      const tool = loadToolPages(catalog).find((p) => p.tool.slug === 'list_allowed_directories')!;
      expect(tool.classification).toBeNull();
      expect(tool.tool.risk).toBeNull();
      expect(loadHomeStats(catalog)).toMatchObject({ tools: seeded.counts.tools, unclassified: 1, byRisk: { low: seeded.counts.low - 1 } });
      expect(loadListing(catalog, 'risk', 'low', 1).tools.map((t) => t.name)).not.toContain('list_allowed_directories');
    } finally {
      catalog.close();
    }
  });
});

describe('unsafe slugs', () => {
  it('are named, so that the build refuses the catalog rather than leave the tool out or write outside its folder', () => {
    const file = join(dir, 'unsafe.sqlite');
    seedCatalog(file);
    const writable = openCatalog(file);
    writable.prepare("UPDATE tools SET slug = '../../escape' WHERE slug = 'read_file'").run();
    writable.close();
    const unsafe = openCatalog(file, { readonly: true });
    try {
      expect(unservableSlugs(unsafe)).toEqual({ count: 1, examples: [JSON.stringify(`${seeded.readFile.serverSlug}/../../escape`)] });
      expect(unservableSlugs(db)).toEqual({ count: 0, examples: [] });
    } finally {
      unsafe.close();
    }
    const out = join(dir, 'unsafe-site');
    expect(() => writeToolPages(file, out)).toThrow('slug "../../escape" cannot be a folder name');
    expect(existsSync(join(out, 'escape'))).toBe(false);
  });
});
