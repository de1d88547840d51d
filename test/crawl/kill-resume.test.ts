import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawl } from '../../crawler/pipeline/crawl.ts';
import { openCatalog } from '../../crawler/store/open.ts';
import { syntheticCreatedAt, syntheticFiles } from '../github-stand-in/world.ts';
import { catalogRows, fixtureWorld, harness, health, TOKEN, type Harness } from './helpers.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const KILLS = 5;

/** Runs the child crawl; kills it with SIGKILL `killAfterMs` after it starts crawling, unless it ends first. */
function crawlChild(h: Harness, db: string, killAfterMs: number | null): Promise<{ killed: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'crawl-child.ts'), db, h.standIn.url], {
      cwd: ROOT, env: { ...process.env, GITHUB_TOKEN: TOKEN, MCP_RISK_SEEDS: h.seeds }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (killAfterMs !== null && output.includes('started') && !killed) {
        killed = true;
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve({ killed: signal === 'SIGKILL', output }));
  });
}

// Each child pays tsx and grammar start-up (2–3 s on an idle 2-core machine), so this test gets its own timeout.
describe('a crawl killed with SIGKILL at random points', () => {
  let h: Harness;
  beforeAll(async () => {
    const world = fixtureWorld();
    for (let i = 0; i < 40; i++) world.addRepo({ owner: 'synth', name: `mcp-server-${i}`, createdAt: syntheticCreatedAt(i), files: syntheticFiles(i) });
    h = await harness(world, { latencyMs: { archive: 40, graphql: 40, search: 20, registry: 20, core: 20 } });
  });
  afterAll(() => h.close());

  it('resumes each time and ends with the same catalog as an uninterrupted crawl, row by row', async () => {
    const db = join(h.dir, 'killed.sqlite');
    const delays = Array.from({ length: KILLS }, () => Math.floor(Math.random() * 1200));
    let kills = 0;

    for (const delay of delays) {
      const run = await crawlChild(h, db, delay);
      if (run.killed) kills++;
      const catalog = openCatalog(db);
      expect(health(catalog), `after a kill at ${delay} ms`).toEqual({ integrity: 'ok', duplicates: 0 });
      catalog.close();
    }
    const last = await crawlChild(h, db, null);
    const reference = h.db('reference.sqlite');
    await runCrawl(reference, { sources: [{ kind: 'registry' }, { kind: 'github' }, { kind: 'seeds' }], github: h.client(), concurrency: 2 });

    expect(last.output, last.output).toMatch(/^started\n(ok|partial) /);
    expect(kills, `delays ${delays.join(', ')} ms`).toBeGreaterThanOrEqual(5);
    const killed = openCatalog(db);
    expect(catalogRows(killed)).toEqual(catalogRows(reference));
    expect((killed.prepare('SELECT count(*) AS n FROM repositories').get() as { n: number }).n).toBe(44);
    killed.close();
  }, 180_000);
});
