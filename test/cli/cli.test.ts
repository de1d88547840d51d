import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from './run-cli.ts';

describe('the mcp-risk command line', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mcp-risk-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists every command in --help and exits 0', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['crawl', 'extract', 'classify', 'policy', 'stats', 'export', 'import', 'merge', 'eval']) expect(run.stdout).toContain(command);
  });

  it('names a git: or dir: source that is not a directory and exits 1', async () => {
    for (const source of [`git:${join(dir, 'no-mirror')}`, `dir:${join(dir, 'no-folder')}`]) {
      const run = await cli(['crawl', '--source', source, '--db', join(dir, 'x.sqlite')]);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`mcp-risk: --source ${source}: ${source.slice(4)} is not a directory\n`);
    }
  });

  it('exits 2 on a bad flag value and says which', async () => {
    const run = await cli(['crawl', '--limit', 'lots', '--db', join(dir, 'x.sqlite')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--limit');
  });

  it('explains what to set when the GitHub source has no token, and exits 2', async () => {
    const run = await cli(['crawl', '--source', 'github', '--db', join(dir, 'x.sqlite')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('GITHUB_TOKEN');
  });

  it('names a missing path and exits 1', async () => {
    const run = await cli(['extract', join(dir, 'no-such-server')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no-such-server');
  });

  it('names an unreadable database and exits 1 without changing it', async () => {
    const corrupt = join(dir, 'corrupt.sqlite');
    writeFileSync(corrupt, 'this is not a database');
    const run = await cli(['crawl', '--source', `dir:${join(ROOT, 'data', 'samples')}`, '--db', corrupt]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(corrupt);
    const stats = await cli(['stats', '--db', corrupt]);
    expect(stats.code).toBe(1);
  });

  it('extracts the other files of a repository holding a binary file and invalid UTF-8, with warnings', async () => {
    const repo = join(dir, 'broken-repo');
    mkdirSync(join(repo, 'src'), { recursive: true });
    writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'broken', dependencies: { '@modelcontextprotocol/sdk': '1.20.0' } }));
    writeFileSync(join(repo, 'src', 'index.ts'), 'import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nconst server = new McpServer({name: "b", version: "1"});\nserver.tool("ping", "Reply with pong", async () => ({ content: [] }));\n');
    writeFileSync(join(repo, 'src', 'image.ts'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]));
    writeFileSync(join(repo, 'src', 'latin1.ts'), Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from('\nserver.tool("registerTool", "x", async () => 1);\n')]));
    writeFileSync(join(repo, 'src', 'broken.ts'), 'server.tool("half", "unterminated", async () => { ((((( \n');
    const run = await cli(['extract', repo, '--json']);
    expect(run.code).toBe(0);
    const extraction = JSON.parse(run.stdout);
    expect(extraction.tools.map((t: { name: string }) => t.name)).toContain('ping');
    const warned = extraction.warnings.map((w: { file: string }) => w.file);
    expect(warned).toContain('src/image.ts');
    expect(warned).toContain('src/latin1.ts');
  });

  it('classifies a sample server with category, risk, tags, confidence and evidence for each tool', async () => {
    const run = await cli(['classify', join(ROOT, 'data', 'samples', 'shell-runner-python-fastmcp'), '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    const tools = result.servers.flatMap((s: { tools: unknown[] }) => s.tools);
    expect(tools.length).toBeGreaterThan(0);
    for (const tool of tools) {
      expect(tool).toHaveProperty('category');
      expect(['low', 'medium', 'high', 'critical']).toContain(tool.risk);
      expect(Array.isArray(tool.tags)).toBe(true);
      expect(tool.confidence).toBeGreaterThanOrEqual(0);
      expect(Array.isArray(tool.findings)).toBe(true);
      expect(tool.policy).toMatchObject({ version: '1', default: 'deny' });
    }
    const evidence = tools.flatMap((t: { findings: { evidence: unknown[] }[] }) => t.findings.flatMap((f) => f.evidence));
    expect(evidence.length).toBeGreaterThan(0);
  });
});

describe('classifying a server with a poisoned description', () => {
  it('flags the poisoned tool with its evidence and still classifies every tool', async () => {
    const run = await cli(['classify', join(ROOT, 'data', 'samples', 'poisoned-weather-python'), '--json']);
    expect(run.code).toBe(0);
    const tools = JSON.parse(run.stdout).servers.flatMap((s: { tools: unknown[] }) => s.tools) as {
      name: string; risk: string; category: string; rules: string[]; findings: { rule: string; evidence: { quote: string }[] }[];
    }[];
    expect(tools.length).toBeGreaterThanOrEqual(3);
    for (const tool of tools) {
      expect(['low', 'medium', 'high', 'critical']).toContain(tool.risk);
      expect(tool.category).not.toBe('');
    }
    const poisoned = tools.filter((t) => t.rules.includes('hasPoisonedDescription'));
    expect(poisoned).toHaveLength(1);
    const evidence = poisoned[0].findings.find((f) => f.rule === 'hasPoisonedDescription')!.evidence.map((e) => e.quote).join(' ');
    expect(evidence).toMatch(/ssh|IMPORTANT/i);
    expect(['high', 'critical']).toContain(poisoned[0].risk);
  });

  it('gives byte-identical output for the same input', async () => {
    const path = join(ROOT, 'data', 'samples', 'notes-ts-registertool');
    const [a, b] = await Promise.all([cli(['classify', path, '--json']), cli(['classify', path, '--json'])]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('exporting and looking up the catalog', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mcp-risk-export-'));
    db = join(dir, 'catalog.sqlite');
    const crawl = await cli(['crawl', '--source', `dir:${join(ROOT, 'data', 'samples')}`, '--db', db]);
    expect(crawl.code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exports every classified tool, one JSON object per line, with its policy', async () => {
    const run = await cli(['export', '--db', db]);
    expect(run.code).toBe(0);
    const tools = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    const stats = JSON.parse((await cli(['stats', '--db', db, '--json'])).stdout);
    expect(tools).toHaveLength(stats.tools);
    for (const tool of tools) {
      expect(tool.policy).toMatchObject({ version: '1', default: 'deny' });
      expect(['low', 'medium', 'high', 'critical']).toContain(tool.risk);
    }
  });

  it('prints the policy of a tool named once in the catalog, and lists the choices for an ambiguous name', async () => {
    const one = await cli(['policy', 'run_command', '--db', db]);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ version: '1', default: 'deny' });
    const missing = await cli(['policy', 'no_such_tool', '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no_such_tool');
    // Two sample servers have a get_forecast tool: the user is shown both SERVER/TOOL choices.
    const ambiguous = await cli(['policy', 'get_forecast', '--db', db]);
    expect(ambiguous.code).toBe(1);
    const choices = ambiguous.stderr.split('\n').filter((line) => line.trim().endsWith('/get_forecast'));
    expect(choices).toHaveLength(2);
    const chosen = await cli(['policy', choices[0].trim(), '--db', db]);
    expect(chosen.code).toBe(0);
    expect(JSON.parse(chosen.stdout)).toMatchObject({ version: '1' });
  });
});

describe('crawling in shards and merging them', () => {
  it('gives the same catalog as one crawl', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcp-risk-shards-'));
    try {
      const samples = `dir:${join(ROOT, 'data', 'samples')}`;
      const [whole, one, two] = await Promise.all([
        cli(['crawl', '--source', samples, '--db', join(dir, 'whole.sqlite')]),
        cli(['crawl', '--source', samples, '--shard', '1/2', '--db', join(dir, 'one.sqlite')]),
        cli(['crawl', '--source', samples, '--shard', '2/2', '--db', join(dir, 'two.sqlite')]),
      ]);
      expect([whole.code, one.code, two.code]).toEqual([0, 0, 0]);
      const merged = await cli(['merge', join(dir, 'one.sqlite'), join(dir, 'two.sqlite'), '-o', join(dir, 'merged.sqlite')]);
      expect(merged.code).toBe(0);
      const [a, b] = await Promise.all([
        cli(['export', '--db', join(dir, 'whole.sqlite')]),
        cli(['export', '--db', join(dir, 'merged.sqlite')]),
      ]);
      const lines = (text: string) => text.trim().split('\n').sort();
      expect(lines(a.stdout).length).toBeGreaterThan(50);
      expect(lines(b.stdout)).toEqual(lines(a.stdout));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
