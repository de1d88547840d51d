import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceSpec } from '../../crawler/discover/source.ts';
import { runCrawl } from '../../crawler/pipeline/crawl.ts';
import { mergeCatalogs } from '../../crawler/store/merge-catalogs.ts';
import { openCatalog } from '../../crawler/store/open.ts';
import type { Catalog } from '../../crawler/store/open.ts';
import type { Fault } from '../github-stand-in/server.ts';
import { catalogRows, fixtureWorld, harness, health, type Harness } from './helpers.ts';

const SOURCES: SourceSpec[] = [{ kind: 'registry' }, { kind: 'github' }, { kind: 'seeds' }];

function world() {
  const w = fixtureWorld();
  // Only the registry names the monorepo, and only its `servers/alpha` folder.
  const mono = w.repos.find((r) => r.name === 'agent-tools');
  if (mono) {
    mono.topics = [];
    mono.description = 'monorepo';
  }
  return w;
}

function repositories(db: Catalog): { id: string; full_name: string; status: string }[] {
  return db.prepare('SELECT id, full_name, status FROM repositories ORDER BY full_name').all() as { id: string; full_name: string; status: string }[];
}

function toolNames(db: Catalog, fullName: string): string[] {
  return (db.prepare('SELECT t.name FROM tools t JOIN servers s ON s.id = t.server_id JOIN repositories r ON r.id = s.repo_id WHERE r.full_name = ? ORDER BY t.name')
    .all(fullName) as { name: string }[]).map((r) => r.name);
}

describe('crawling the GitHub stand-in', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('discovers from the registry, search, an awesome list and the seeds, and catalogs each repository once by GitHub id', async () => {
    h = await harness(world());
    const db = h.db();

    const summary = await runCrawl(db, { sources: SOURCES, github: h.client(), cacheDir: join(h.dir, 'cache') });

    expect(summary.status).toBe('ok');
    expect(repositories(db).map((r) => r.full_name)).toEqual(['acme/agent-tools', 'acme/weather-mcp', 'listed/only-in-list', 'pyco/files-mcp']);
    expect(repositories(db).every((r) => /^github:\d+$/.test(r.id))).toBe(true);
    expect(toolNames(db, 'acme/agent-tools')).toEqual(['send_email']);
    expect(toolNames(db, 'pyco/files-mcp')).toEqual(['delete_file', 'read_file']);
    expect(h.standIn.archives).toHaveLength(4);
    expect(h.standIn.counts.graphql).toBe(1);
    expect(summary.bySource['registry'].discovered).toBe(2);
    expect(summary.bySource['github-search'].discovered).toBeGreaterThanOrEqual(3);
    expect(summary.bySource['awesome-lists'].discovered).toBe(2);
    expect(health(db)).toEqual({ integrity: 'ok', duplicates: 0 });
  });

  it('downloads exactly the changed archives on the next run, and follows renames and deletions without downloading', async () => {
    h = await harness(world());
    const db = h.db();
    const client = h.client();
    await runCrawl(db, { sources: SOURCES, github: client, cacheDir: join(h.dir, 'cache') });
    const weather = h.world.repos.find((r) => r.name === 'weather-mcp')!;
    const files = h.world.repos.find((r) => r.name === 'files-mcp')!;
    const listed = h.world.repos.find((r) => r.name === 'only-in-list')!;
    const head = h.world.commit(weather, { ...weather.commits.get(weather.headSha!)!, 'src/extra.ts': 'export const x = 1;\n' });
    h.world.rename(files, 'pyco', 'files-server');
    h.world.remove(listed);
    h.standIn.resetCounts();

    const summary = await runCrawl(db, { sources: SOURCES, github: h.client(), cacheDir: join(h.dir, 'cache') });

    expect(h.standIn.archives).toEqual([`acme/weather-mcp@${head}`]);
    expect(summary.skippedUnchanged).toBe(2);
    expect(repositories(db).map((r) => r.full_name)).toEqual(['acme/agent-tools', 'acme/weather-mcp', 'pyco/files-server']);
    expect(toolNames(db, 'pyco/files-server')).toEqual(['delete_file', 'read_file']);
    const removed = db.prepare("SELECT tool_name FROM tool_history WHERE change = 'removed'").all() as { tool_name: string }[];
    expect(removed.map((r) => r.tool_name)).toEqual(['ping']);
    expect(health(db)).toEqual({ integrity: 'ok', duplicates: 0 });
  });

  it('reads archives from the cache by commit instead of downloading them again', async () => {
    h = await harness(world());
    const cacheDir = join(h.dir, 'cache');
    await runCrawl(h.db('first.sqlite'), { sources: SOURCES, github: h.client(), cacheDir });
    h.standIn.resetCounts();

    const summary = await runCrawl(h.db('second.sqlite'), { sources: SOURCES, github: h.client(), cacheDir });

    expect(summary.archives).toMatchObject({ downloaded: 0, cached: 4 });
    expect(h.standIn.counts.archive).toBe(0);
    expect(summary.tools).toBeGreaterThanOrEqual(5);
  });

  it('removes a repository whose only registry entry was deleted', async () => {
    h = await harness(world());
    const db = h.db();
    await runCrawl(db, { sources: SOURCES, github: h.client() });
    const entry = h.world.registry.find((e) => e.name === 'io.github.acme/alpha')!;
    entry.status = 'deleted';
    entry.updatedAt = '2025-07-01T00:00:00Z';

    const summary = await runCrawl(db, { sources: SOURCES, github: h.client() });

    expect(summary.removedRepositories).toBe(1);
    expect(repositories(db).map((r) => r.full_name)).not.toContain('acme/agent-tools');
    expect(h.standIn.requests.filter((r) => r.resource === 'registry').at(-1)?.path).toContain('updated_since=2025-06-03T00%3A00%3A00Z');
  });

  it('halves the GraphQL batch when large batches answer 502', async () => {
    h = await harness(world(), { graphqlMaxAliases: 2 });
    const db = h.db();

    const summary = await runCrawl(db, { sources: SOURCES, github: h.client() });

    expect(summary.status).toBe('ok');
    expect(summary.sweep.shrunk).toBeGreaterThan(0);
    expect(repositories(db)).toHaveLength(4);
  });

  it('records a hostile archive as a failure and keeps the repository\'s previous rows', async () => {
    h = await harness(world());
    const db = h.db();
    await runCrawl(db, { sources: SOURCES, github: h.client() });
    const before = toolNames(db, 'acme/weather-mcp');
    const faults = ['truncated', 'dotdot', 'absolute', 'bomb'] as const;
    const weather = h.world.repos.find((r) => r.name === 'weather-mcp')!;

    for (const fault of faults) {
      weather.archiveFault = fault;
      h.world.commit(weather, { 'package.json': '{}', [`src/${fault}.ts`]: 'export {};\n' });
      const summary = await runCrawl(db, { sources: SOURCES, github: h.client(), archiveLimits: { maxFileBytes: 1 << 20, maxKeptBytes: 8 << 20, maxExpandedBytes: 64 << 20, maxRatio: 200, maxEntries: 1000 } });

      expect(summary.status, fault).toBe('partial');
      expect(summary.failures[0].error, fault).toMatch(/truncated|escapes|absolute|bomb/);
      expect(toolNames(db, 'acme/weather-mcp'), fault).toEqual(before);
      expect(repositories(db).find((r) => r.full_name === 'acme/weather-mcp')?.status).toBe('failed');
      expect(health(db)).toEqual({ integrity: 'ok', duplicates: 0 });
    }
    weather.archiveFault = 'symlink';
    h.world.commit(weather, weather.commits.get([...weather.commits.keys()][0])!);
    const recovered = await runCrawl(db, { sources: SOURCES, github: h.client() });
    expect(recovered.status).toBe('ok');
    expect(recovered.archives.skippedEntries).toBe(1);
    expect(repositories(db).find((r) => r.full_name === 'acme/weather-mcp')?.status).toBe('ok');
  });

  const FAULTS: Fault[] = [
    { resource: 'search', kind: 'primary', seconds: 30 },
    { resource: 'search', kind: 'secondary', seconds: 20, times: 2 },
    { resource: 'graphql', kind: 'primary', seconds: 60 },
    { resource: 'graphql', kind: '502', times: 3 },
    { resource: 'core', kind: '429', seconds: 5 },
    { resource: 'archive', kind: '429', seconds: 5, times: 2 },
    { resource: 'archive', kind: '502', times: 9 },
    { resource: 'registry', kind: '502', times: 9 },
    { resource: 'graphql', kind: 'primary', seconds: 7200 },
    { resource: 'archive', kind: '429', seconds: 3600 },
  ];

  it.each(FAULTS)('completes or stops cleanly at a checkpoint under $kind on $resource ($seconds s × $times)', async (fault) => {
    h = await harness(world());
    const db = h.db();
    h.standIn.inject(fault);

    const summary = await runCrawl(db, { sources: SOURCES, github: h.client({ maxRetries: 2 }) });

    expect(['ok', 'partial', 'stopped']).toContain(summary.status);
    expect(health(db)).toEqual({ integrity: 'ok', duplicates: 0 });
    if (summary.status === 'stopped') {
      h.standIn.clearFaults();
      const resumed = await runCrawl(db, { sources: SOURCES, github: h.client() });
      expect(resumed.resumed).toBe(true);
      expect(resumed.status).toBe('ok');
      const reference = h.db('reference.sqlite');
      await runCrawl(reference, { sources: SOURCES, github: h.client() });
      expect(catalogRows(db)).toEqual(catalogRows(reference));
    }
  });

  it('crawls only its shard, and the shards together cover every repository once', async () => {
    h = await harness(world());
    const shards = [1, 2].map((index) => h.db(`shard-${index}.sqlite`));

    for (const [i, db] of shards.entries()) await runCrawl(db, { sources: SOURCES, github: h.client(), shard: { index: i + 1, count: 2 } });

    const names = shards.flatMap((db) => repositories(db).map((r) => r.full_name)).sort();
    expect(names).toEqual(['acme/agent-tools', 'acme/weather-mcp', 'listed/only-in-list', 'pyco/files-mcp']);
    expect(shards.every((db) => repositories(db).length > 0)).toBe(true);

    for (const db of shards) db.close();
    const merged = join(h.dir, 'merged.sqlite');
    const result = mergeCatalogs([1, 2].map((i) => join(h.dir, `shard-${i}.sqlite`)), merged);
    const whole = h.db('whole.sqlite');
    await runCrawl(whole, { sources: SOURCES, github: h.client() });

    const db = openCatalog(merged);
    expect(result.repositories).toBe(4);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(health(db)).toEqual({ integrity: 'ok', duplicates: 0 });
    const strip = (rows: string[]): string[] => rows.map((r) => JSON.stringify({ ...JSON.parse(r), run_id: 0, first_seen_run: 0, changed_run: 0 })).sort();
    for (const table of ['repositories', 'servers', 'tools', 'classifications', 'findings', 'tool_policies']) {
      expect(strip(catalogRows(db)[table] ?? []), table).toEqual(strip(catalogRows(whole)[table] ?? []));
    }
    db.close();
  });
});
