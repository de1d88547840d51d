// `npm run bench:crawl`: crawls 2,000 synthetic repositories at the local GitHub stand-in with realistic latency,
// then again after 5% changed, and writes bench/results/crawl.json (SPEC §9: API cost per repository).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createGitHubClient } from '../crawler/github/client.ts';
import { MIN_INTERVAL_MS } from '../crawler/github/budgets.ts';
import { runCrawl } from '../crawler/pipeline/crawl.ts';
import type { SourceSpec } from '../crawler/discover/source.ts';
import { openCatalog } from '../crawler/store/open.ts';
import { startStandIn, type Resource, type StandIn } from '../test/github-stand-in/server.ts';
import { syntheticCreatedAt, syntheticFiles, World } from '../test/github-stand-in/world.ts';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number): number => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const REPOS = flag('--repos', 2000);
const CHANGED_SHARE = 0.05;
/** Search pacing (2 s per request, GitHub's 30/min) adds minutes of waiting that measure nothing here; --pacing restores it. */
const PACING = args.includes('--pacing');
/** Round trips as seen from a GitHub-hosted runner (ms): REST ~60, a 100-repository GraphQL query ~400, codeload ~150, registry ~120. */
const LATENCY: Partial<Record<Resource, number>> = { core: 60, search: 80, code_search: 80, graphql: 400, archive: 150, registry: 120 };
const METERED: Resource[] = ['core', 'search', 'code_search', 'graphql'];

function buildWorld(): World {
  const world = new World();
  for (let i = 0; i < REPOS; i++) {
    world.addRepo({
      owner: `org${i % 97}`, name: i % 3 === 0 ? `mcp-server-${i}` : `tools-${i}`, createdAt: syntheticCreatedAt(i),
      topics: i % 2 === 0 ? ['mcp-server'] : ['model-context-protocol'], description: i % 3 === 0 ? 'An MCP server' : 'Agent tools',
      files: syntheticFiles(i),
    });
  }
  for (let i = 0; i < REPOS; i += 10) {
    const repo = world.repos[i];
    world.addRegistryEntry({ name: `io.github.${repo.owner}/${repo.name}`, repository: { url: `https://github.com/${repo.owner}/${repo.name}`, source: 'github', id: String(repo.databaseId) }, updatedAt: '2025-06-01T00:00:00Z' });
  }
  const links = world.repos.slice(0, 200).map((r) => `- [${r.name}](https://github.com/${r.owner}/${r.name})`).join('\n');
  world.addRepo({ owner: 'punkpeye', name: 'awesome-mcp-servers', topics: [], description: 'A curated list', readme: `# Awesome MCP servers\n${links}\n` });
  return world;
}

const metered = (standIn: StandIn): number => METERED.reduce((sum, r) => sum + standIn.counts[r], 0);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-risk-bench-crawl-'));
  const seeds = join(dir, 'seeds.txt');
  writeFileSync(seeds, 'org1/tools-1\n');
  process.env.MCP_RISK_SEEDS = seeds;
  const world = buildWorld();
  const standIn = await startStandIn({ world, latencyMs: LATENCY });
  const client = () => createGitHubClient({
    token: 'bench-token', intervals: PACING ? MIN_INTERVAL_MS : { ...MIN_INTERVAL_MS, search: 0, code_search: 0 },
    endpoints: { apiUrl: standIn.apiUrl, graphqlUrl: standIn.graphqlUrl, archiveUrl: standIn.archiveUrl, registryUrl: standIn.registryUrl },
  });
  const sources: SourceSpec[] = [{ kind: 'registry' }, { kind: 'github' }, { kind: 'seeds' }];
  const db = openCatalog(join(dir, 'catalog.sqlite'));
  try {
    console.error(`full crawl of ${REPOS} repositories…`);
    let t = performance.now();
    const full = await runCrawl(db, { sources, github: client(), cacheDir: join(dir, 'cache'), concurrency: 8 });
    const wallFull = (performance.now() - t) / 1000;
    const countsFull = { ...standIn.counts };
    const discoveryFull = countsFull.search + countsFull.code_search + countsFull.core;

    const changed = world.repos.filter((r) => r.headSha).filter((_, i) => i % Math.round(1 / CHANGED_SHARE) === 7);
    for (const repo of changed) world.commit(repo, syntheticFiles(Number(repo.name.replace(/\D+/g, '')), 1));
    standIn.resetCounts();
    console.error(`incremental crawl, ${changed.length} changed…`);
    t = performance.now();
    const incremental = await runCrawl(db, { sources, github: client(), cacheDir: join(dir, 'cache'), concurrency: 8 });
    const wallIncremental = (performance.now() - t) / 1000;
    const countsIncremental = { ...standIn.counts };
    const changedNames = new Set(changed.map((r) => `${r.owner}/${r.name}@${r.headSha}`));
    const exact = standIn.archives.length === changed.length && standIn.archives.every((a) => changedNames.has(a));

    const result = {
      command: `npm run bench:crawl${args.length ? ` -- ${args.join(' ')}` : ''}`,
      date: new Date().toISOString(),
      repos: full.repositories,
      metered_requests_full: metered({ counts: countsFull } as StandIn),
      metered_requests_full_by_bucket: Object.fromEntries(METERED.map((r) => [r, countsFull[r]])),
      metered_requests_beyond_discovery_full: countsFull.graphql,
      metered_per_repo_beyond_discovery_full: Number((countsFull.graphql / Math.max(1, full.repositories)).toFixed(4)),
      discovery_requests_full: discoveryFull,
      archives_full: countsFull.archive,
      changed: changed.length,
      archives_incremental: countsIncremental.archive,
      incremental_downloads_exactly_changed: exact,
      metered_requests_incremental: metered({ counts: countsIncremental } as StandIn),
      metered_requests_incremental_by_bucket: Object.fromEntries(METERED.map((r) => [r, countsIncremental[r]])),
      graphql_points_full: full.sweep.points,
      wall_s_full: Number(wallFull.toFixed(1)),
      wall_s_incremental: Number(wallIncremental.toFixed(1)),
      tools_full: full.tools,
      incremental_changed_tools: incremental.changed,
      latency_ms: LATENCY,
      search_pacing: PACING,
      concurrency: 8,
    };
    const out = resolve(import.meta.dirname, '..', 'bench', 'results', 'crawl.json');
    mkdirSync(resolve(out, '..'), { recursive: true });
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
    if (!exact) process.exitCode = 1;
  } finally {
    db.close();
    await standIn.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
