import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeClock } from '../../crawler/github/clock.ts';
import { createGitHubClient, type GitHubClient } from '../../crawler/github/client.ts';
import { openCatalog, type Catalog } from '../../crawler/store/open.ts';
import { startStandIn, type StandIn, type StandInOptions } from '../github-stand-in/server.ts';
import { fixtureRepos, World } from '../github-stand-in/world.ts';

export const TOKEN = 'ghp_standInSecretToken0123456789abcdef';

/** No pacing: the stand-in has no limits to respect, and the fake clock would only add up waits. */
export const NO_PACING = { core: 0, search: 0, code_search: 0, graphql: 0 };

/** A world with the hand-written fixtures, an awesome list linking one of them, and registry entries. */
export function fixtureWorld(): World {
  const world = new World();
  for (const fixture of fixtureRepos()) world.addRepo({ ...fixture, topics: fixture.name === 'files-mcp' ? ['model-context-protocol'] : ['mcp-server'] });
  world.addRepo({ owner: 'punkpeye', name: 'awesome-mcp-servers', topics: ['awesome'], description: 'A list',
    readme: '# Awesome\n- [weather](https://github.com/acme/weather-mcp)\n- [listed](https://github.com/listed/only-in-list)\n- [topics](https://github.com/topics/mcp)\n' });
  world.addRepo({ owner: 'listed', name: 'only-in-list', topics: [], description: 'tools', files: { 'package.json': '{"name":"x","dependencies":{"@modelcontextprotocol/sdk":"1"}}', 'index.js': 'const s = new McpServer({name:"x"}); s.tool("ping", "Replies pong", async () => ({content: []}));\n' } });
  world.addRegistryEntry({ name: 'io.github.acme/alpha', repository: { url: 'https://github.com/acme/agent-tools', source: 'github', subfolder: 'servers/alpha' }, updatedAt: '2025-06-01T00:00:00Z' });
  world.addRegistryEntry({ name: 'io.github.pyco/files', repository: { url: 'https://github.com/pyco/files-mcp', source: 'github' }, updatedAt: '2025-06-02T00:00:00Z' });
  world.addRegistryEntry({ name: 'io.example/remote-only', updatedAt: '2025-06-03T00:00:00Z' });
  return world;
}

export interface Harness {
  dir: string;
  standIn: StandIn;
  world: World;
  clock: ReturnType<typeof fakeClock>;
  client(overrides?: Partial<Parameters<typeof createGitHubClient>[0]>): GitHubClient;
  db(name?: string): Catalog;
  seeds: string;
  close(): Promise<void>;
}

export async function harness(world: World, options: Omit<StandInOptions, 'world'> = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-risk-crawl-'));
  const standIn = await startStandIn({ world, ...options });
  const clock = fakeClock();
  const seeds = join(dir, 'seeds.txt');
  writeFileSync(seeds, '# test seeds\nacme/weather-mcp\n');
  process.env.MCP_RISK_SEEDS = seeds;
  const opened: Catalog[] = [];
  return {
    dir, standIn, world, clock, seeds,
    client: (overrides = {}) => createGitHubClient({
      token: TOKEN, clock, intervals: NO_PACING, maxWaitMs: 10 * 60_000, timeoutMs: 10_000,
      endpoints: { apiUrl: standIn.apiUrl, graphqlUrl: standIn.graphqlUrl, archiveUrl: standIn.archiveUrl, registryUrl: standIn.registryUrl },
      ...overrides,
    }),
    db(name = 'catalog.sqlite') {
      const db = openCatalog(join(dir, name));
      opened.push(db);
      return db;
    },
    async close() {
      for (const db of opened) if (db.open) db.close();
      await standIn.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Health of a catalog after any crawl: integrity, and no duplicate rows on natural keys. */
export function health(db: Catalog): { integrity: string; duplicates: number } {
  const integrity = (db.pragma('integrity_check', { simple: true }) as string);
  const duplicates = [
    'SELECT count(*) - count(DISTINCT repo_id || char(0) || path) AS n FROM servers',
    'SELECT count(*) - count(DISTINCT server_id || char(0) || slug) AS n FROM tools',
    'SELECT count(*) - count(DISTINCT lower(full_name)) AS n FROM repositories',
    'SELECT count(*) - count(DISTINCT tool_id) AS n FROM classifications',
  ].reduce((sum, sql) => sum + (db.prepare(sql).get() as { n: number }).n, 0);
  return { integrity, duplicates };
}

const VOLATILE = new Set(['crawled_at', 'at', 'first_seen', 'last_seen', 'started_at', 'finished_at']);

/** The catalog as sorted rows keyed by natural keys (repository, server path, tool slug), for row-by-row comparison. */
export function catalogRows(db: Catalog): Record<string, string[]> {
  const serverKey = new Map<number, string>();
  for (const s of db.prepare('SELECT id, repo_id, path FROM servers').all() as { id: number; repo_id: string; path: string }[]) serverKey.set(s.id, `${s.repo_id}/${s.path}`);
  const toolKey = new Map<number, string>();
  for (const t of db.prepare('SELECT id, server_id, slug FROM tools').all() as { id: number; server_id: number; slug: string }[]) toolKey.set(t.id, `${serverKey.get(t.server_id)}#${t.slug}`);
  const tables = ['repositories', 'servers', 'tools', 'classifications', 'findings', 'dynamic_tools', 'extraction_warnings', 'tool_policies', 'server_policies', 'policy_examples', 'tool_history'];
  const existing = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  const out: Record<string, string[]> = {};
  for (const table of tables.filter((t) => existing.has(t))) {
    out[table] = (db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]).map((row) => {
      const copy: Record<string, unknown> = {};
      for (const [column, value] of Object.entries(row)) {
        if (VOLATILE.has(column)) continue;
        if (column === 'id' && table === 'servers') copy.id = serverKey.get(value as number);
        else if (column === 'id' && table === 'tools') copy.id = toolKey.get(value as number);
        else if (column === 'id' && table === 'tool_history') continue;
        else if (column === 'server_id') copy.server_id = serverKey.get(value as number);
        else if (column === 'tool_id') copy.tool_id = toolKey.get(value as number);
        else copy[column] = value;
      }
      return JSON.stringify(copy);
    }).sort();
  }
  return out;
}
