import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../../crawler/store/open.ts';
import { loadHomeStats, loadRiskListings, loadServerIndex, loadServerPages, loadToolPages, type ToolPage } from '../../site/src/lib/catalog.ts';
import { HOSTILE, seedCatalog, type SeededCatalog } from './seed-catalog.ts';

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
    expect(loadHomeStats(db)).toEqual({
      repositories: 3, servers: 3, tools: 5, unclassified: 0,
      byRisk: { low: seeded.counts.low, medium: seeded.counts.medium, high: seeded.counts.high, critical: seeded.counts.critical },
    });
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

  it('report annotations that contradict the behaviour', () => {
    const rows = page('write_file').annotations;
    expect(rows.find((r) => r.hint === 'readOnlyHint')!.contradiction).toMatch(/readOnlyHint: true/);
    expect(page('read_file').annotations.every((r) => r.contradiction === null)).toBe(true);
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
    const fs = loadServerPages(db).find((p) => p.server.slug === 'modelcontextprotocol-servers-src-filesystem')!;
    expect(fs.tools.map((t) => `${t.risk}:${t.name}`)).toEqual(['high:write_file', 'medium:read_file', 'low:list_allowed_directories']);
    expect(fs.dynamic).toEqual([{
      file: 'src/filesystem/plugins.ts', line: 12, reason: 'tools registered in a loop over a runtime plugin list',
      url: `https://github.com/modelcontextprotocol/servers/blob/${seeded.commits.servers}/src/filesystem/plugins.ts#L12`,
    }]);
    expect(fs.server.policy).toBe(seeded.servers.find((s) => s.slug === fs.server.slug)!.policy);
    expect(fs.server.maxRisk).toBe('high');
  });

  it('index servers riskiest first', () => {
    expect(loadServerIndex(db).map((s) => s.maxRisk)).toEqual(['critical', 'high', 'high']);
  });
});

describe('risk listings', () => {
  it('put each classified tool under its level', () => {
    const listings = loadRiskListings(db);
    expect(listings.critical.map((t) => t.name)).toEqual(['run_python_code']);
    expect(listings.high.map((t) => t.name).sort()).toEqual([HOSTILE.script, 'write_file'].sort());
    expect(listings.low.map((t) => t.name)).toEqual(['list_allowed_directories']);
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
      expect(loadHomeStats(catalog)).toMatchObject({ tools: 5, unclassified: 1, byRisk: { low: 0 } });
      expect(loadRiskListings(catalog).low).toEqual([]);
    } finally {
      catalog.close();
    }
  });
});

describe('unsafe slugs', () => {
  it('are skipped instead of becoming a path', () => {
    const file = join(dir, 'unsafe.sqlite');
    seedCatalog(file);
    const writable = openCatalog(file);
    writable.prepare("UPDATE tools SET slug = '../../escape' WHERE slug = 'read_file'").run();
    writable.close();
    const unsafe = openCatalog(file, { readonly: true });
    try {
      expect(loadToolPages(unsafe).map((p) => p.tool.slug)).not.toContain('../../escape');
      expect(loadToolPages(unsafe)).toHaveLength(4);
    } finally {
      unsafe.close();
    }
  });
});
