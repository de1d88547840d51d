import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawl } from '../../crawler/pipeline/crawl.ts';
import { openCatalog } from '../../crawler/store/open.ts';
import { exportSnapshot } from '../../crawler/store/snapshot-export.ts';
import { cli } from '../cli/run-cli.ts';
import { commit, initBare } from '../fetch/bare-repositories.ts';
import { catalogRows } from './catalog-rows.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** Every file of a snapshot folder, by relative path, with its text. */
function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (name.endsWith('.json') || name.endsWith('.jsonl')) out[name] = readFileSync(path, 'utf8');
  }
  return out;
}

describe('the snapshot: export, then import', () => {
  let dir: string;
  let crawled: string;
  let snapshot: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mcp-risk-snapshot-'));
    crawled = join(dir, 'crawled.sqlite');
    snapshot = join(dir, 'snapshot');
    const mirror = join(dir, 'mirror');
    initBare(join(mirror, 'acme+notes-mcp', 'repo'));
    commit(join(mirror, 'acme+notes-mcp', 'repo'), {
      'package.json': { file: '{"name":"@acme/notes-mcp","dependencies":{"@modelcontextprotocol/sdk":"^1.17.0"}}\n' },
      'src/index.ts': { file: 'import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nconst server = new McpServer({ name: "notes", version: "1.0.0" });\nserver.tool("purge_notes", "Deletes every note for good", async () => ({ content: [] }));\n' },
    });
    const db = openCatalog(crawled);
    const summary = await runCrawl(db, { sources: [{ kind: 'dir', path: join(ROOT, 'data', 'samples') }, { kind: 'dir', path: join(ROOT, 'test', 'fixtures') }, { kind: 'git', path: mirror }] });
    expect(summary.failures).toEqual([]);
    exportSnapshot(db, snapshot);
    db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports into the very rows the crawl wrote: repositories, servers, tools, classifications, findings, policies, examples', async () => {
    const imported = join(dir, 'imported.sqlite');

    const run = await cli(['import', snapshot, '--db', imported, '--json']);

    expect(run.code, run.stderr).toBe(0);
    const before = openCatalog(crawled, { readonly: true });
    const after = openCatalog(imported, { readonly: true });
    try {
      const rows = catalogRows(after);
      expect(rows).toEqual(catalogRows(before));
      expect(JSON.parse(run.stdout)).toEqual({ repositories: rows.repositories.length, servers: rows.servers.length, tools: rows.tools.length });
      expect(rows.tools.length).toBeGreaterThan(20);
      expect(rows.dynamic_tools.length).toBeGreaterThan(0);
      expect(rows.repositories).toContainEqual(expect.objectContaining({ id: 'git:acme/notes-mcp', url: 'https://github.com/acme/notes-mcp', commit_sha: expect.stringMatching(/^[0-9a-f]{40}$/) }));
    } finally {
      before.close();
      after.close();
    }
  });

  it('writes the same files again from the imported catalog: the export is sorted and stable', async () => {
    const imported = join(dir, 'again.sqlite');
    expect((await cli(['import', snapshot, '--db', imported])).code).toBe(0);
    const again = join(dir, 'snapshot-again');

    const run = await cli(['export', '--format', 'snapshot', '-o', again, '--db', imported]);

    expect(run.code, run.stderr).toBe(0);
    expect(files(again)).toEqual(files(snapshot));
    const repositories = readFileSync(join(snapshot, 'repositories.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line).fullName);
    expect(repositories).toEqual([...repositories].sort());
    expect(Object.keys(files(snapshot)).some((name) => /\.(ts|py|go|rs|java|kt|cs)$/.test(name))).toBe(false);
  });

  it('keeps only the repositories a seed list names, when asked', async () => {
    const seeds = join(dir, 'seeds.txt');
    writeFileSync(seeds, '# one\nacme/notes-mcp\n');
    const only = join(dir, 'snapshot-seeds');

    const run = await cli(['export', '--format', 'snapshot', '-o', only, '--seeds', seeds, '--db', crawled, '--json']);

    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ repositories: 1, servers: 1, tools: 1 });
    expect(readdirSync(join(only, 'servers'))).toEqual(['acme-notes-mcp.jsonl']);
  });

  /** A fresh export whose purge_notes line (line 2 of its server's file) `edit` changed. */
  async function exportWithEditedTool(name: string, edit: (tool: { classification: Record<string, unknown>; policies: Record<string, unknown> }) => void): Promise<string> {
    const folder = join(dir, name);
    expect((await cli(['export', '--format', 'snapshot', '-o', folder, '--db', crawled])).code).toBe(0);
    const file = join(folder, 'servers', 'acme-notes-mcp.jsonl');
    const [server, tool] = readFileSync(file, 'utf8').trim().split('\n');
    const edited = JSON.parse(tool);
    edit(edited);
    writeFileSync(file, `${server}\n${JSON.stringify(edited)}\n`);
    return folder;
  }

  it('refuses a snapshot with a bad line, naming the file and the line, and leaves the catalog as it was', async () => {
    const broken = await exportWithEditedTool('broken', (tool) => {
      tool.classification.risk = 'harmless';
    });
    const catalog = join(dir, 'kept.sqlite');
    expect((await cli(['import', snapshot, '--db', catalog])).code).toBe(0);
    const rowsBefore = (() => {
      const db = openCatalog(catalog, { readonly: true });
      try {
        return catalogRows(db);
      } finally {
        db.close();
      }
    })();

    const run = await cli(['import', broken, '--db', catalog]);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('servers/acme-notes-mcp.jsonl:2: classification.risk:');
    const db = openCatalog(catalog, { readonly: true });
    try {
      expect(catalogRows(db)).toEqual(rowsBefore);
    } finally {
      db.close();
    }
    expect(readdirSync(dir).some((name) => name.includes('.importing-'))).toBe(false);
  });

  it('refuses a policy a gateway could not read, and a manifest that does not add up', async () => {
    const policy = await exportWithEditedTool('bad-policy', (tool) => {
      tool.policies['policy-json'] = '{"version":"1","default":"allow","tools":{"purge_notes":{"allow":true}}}';
    });
    const target = join(dir, 'never.sqlite');

    const first = await cli(['import', policy, '--db', target]);
    rmSync(join(policy, 'servers', 'acme-notes-mcp.jsonl'));
    const second = await cli(['import', policy, '--db', target]);

    expect(first.code).toBe(1);
    expect(first.stderr).toContain('servers/acme-notes-mcp.jsonl:2: policies.policy-json:');
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/manifest\.json: says \d+ servers, the snapshot holds \d+/);
    expect(existsSync(target)).toBe(false);
  });
});
