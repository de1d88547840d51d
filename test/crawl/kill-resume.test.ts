import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../crawler/store/open.ts';
import { openCatalog } from '../../crawler/store/open.ts';
import { syntheticCreatedAt, syntheticFiles } from '../github-stand-in/world.ts';
import type { CrawlPoint } from './crawl-child.ts';
import { catalogRows, fixtureWorld, harness, health, TOKEN, type Harness } from './helpers.ts';

const ROOT = join(import.meta.dirname, '..', '..');

interface PointReached {
  name: CrawlPoint;
  n: number;
}

interface ChildRun {
  killed: boolean;
  output: string;
  /** Every point the child passed, in order, the one it stopped at last. */
  points: PointReached[];
  stopped: PointReached | null;
}

/** Runs the child crawl; with `stop`, the child halts at that point and this kills it there with SIGKILL. */
function crawlChild(h: Harness, db: string, stop: PointReached | null): Promise<ChildRun> {
  const args = [join(import.meta.dirname, 'crawl-child.ts'), db, h.standIn.url, ...(stop ? [stop.name, String(stop.n)] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: ROOT, env: { ...process.env, GITHUB_TOKEN: TOKEN, MCP_RISK_SEEDS: h.seeds }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      // The child waits at the point it printed, so the kill lands exactly there.
      if (/^stopped \S+ \d+\n/m.test(output)) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      const parse = (prefix: string): PointReached[] => [...output.matchAll(new RegExp(`^${prefix} (\\S+) (\\d+)$`, 'gm'))]
        .map((m) => ({ name: m[1] as CrawlPoint, n: Number(m[2]) }));
      resolve({ killed: signal === 'SIGKILL', output, points: parse('point'), stopped: parse('stopped')[0] ?? null });
    });
  });
}

/** What a killed run left committed: its checkpoint's stage (null once the run finished) and its queue. */
function committed(db: Catalog): { stage: string | null; finished: number; saved: number } {
  const stage = db.prepare('SELECT stage FROM crawl_checkpoints').pluck().get() as string | undefined;
  const queue = (where: string): number => db.prepare(`SELECT count(*) FROM crawl_queue WHERE ${where}`).pluck().get() as number;
  return { stage: stage ?? null, finished: queue("status <> 'pending'"), saved: queue("status = 'done'") };
}

const between = (low: number, high: number): number => low + Math.floor(Math.random() * (high - low + 1));
const count = (run: ChildRun, name: CrawlPoint): number => run.points.filter((p) => p.name === name).length;

interface Kill {
  at: PointReached;
  /**
   * What the catalog holds after the kill: the run unfinished (its checkpoint at this stage), nothing of
   * the killed transaction, everything committed before it.
   */
  leaves: Partial<ReturnType<typeof committed>>;
}

/**
 * One kill at every point a crawl passes, in the order a run passes them, each run resuming the last: the
 * counted points are drawn from how many an uninterrupted run passed, so each is reached whatever the
 * machine's speed. The repository points count queue items over the whole run, and the second is drawn at
 * or after the first's place, so the run killed in a repository's transaction cannot already be past it.
 */
function killPlan(reference: ChildRun): Kill[] {
  const items = reference.points.find((p) => p.name === 'run-finish')?.n ?? 0;
  const inTransaction = between(1, count(reference, 'repository-saved'));
  const saved = between(inTransaction, count(reference, 'repository-saved'));
  return [
    { at: { name: 'discovery-page', n: between(1, count(reference, 'discovery-page')) }, leaves: { stage: 'discover' } },
    { at: { name: 'discover-end', n: 1 }, leaves: { stage: 'discover' } },
    { at: { name: 'sweep-batch', n: between(1, count(reference, 'sweep-batch')) }, leaves: { stage: 'sweep' } },
    { at: { name: 'sweep-end', n: 1 }, leaves: { stage: 'sweep' } },
    { at: { name: 'download', n: 1 }, leaves: { stage: 'fetch', finished: 0 } },
    { at: { name: 'repository-transaction', n: inTransaction }, leaves: { stage: 'fetch', finished: inTransaction - 1 } },
    { at: { name: 'repository-saved', n: saved }, leaves: { stage: 'fetch', saved } },
    { at: { name: 'run-finish', n: items }, leaves: { stage: 'fetch', finished: items } },
  ];
}

// Ten children, each paying tsx and grammar start-up (2–3 s on an idle 2-core machine): this test gets its own timeout.
describe('a crawl killed with SIGKILL at every stage', () => {
  let h: Harness;
  beforeAll(async () => {
    const world = fixtureWorld();
    for (let i = 0; i < 40; i++) world.addRepo({ owner: 'synth', name: `mcp-server-${i}`, createdAt: syntheticCreatedAt(i), files: syntheticFiles(i) });
    h = await harness(world);
  });
  afterAll(() => h.close());

  it('resumes each time and ends with the same catalog as an uninterrupted crawl, row by row', async () => {
    const uninterrupted = await crawlChild(h, join(h.dir, 'reference.sqlite'), null);
    const status = uninterrupted.output.match(/^(ok|partial) resumed=false$/m)?.[1];
    expect(status, uninterrupted.output).toBeDefined();
    const plan = killPlan(uninterrupted);
    const described = plan.map((kill) => `${kill.at.name} ${kill.at.n}`).join(', ');
    const passed = (point: PointReached): boolean => uninterrupted.points.some((p) => p.name === point.name && p.n === point.n);
    expect(plan.filter((kill) => !passed(kill.at)), `points an uninterrupted run does not pass (plan: ${described})`).toEqual([]);

    const db = join(h.dir, 'killed.sqlite');
    const kills: PointReached[] = [];
    for (const kill of plan) {
      const run = await crawlChild(h, db, kill.at);
      expect(run.killed, `killed at ${kill.at.name} ${kill.at.n} (plan: ${described})\n${run.output}`).toBe(true);
      if (run.killed && run.stopped) kills.push(run.stopped);
      const catalog = openCatalog(db);
      expect(health(catalog), `after a kill at ${kill.at.name} ${kill.at.n}`).toEqual({ integrity: 'ok', duplicates: 0 });
      expect(committed(catalog), `left by a kill at ${kill.at.name} ${kill.at.n}`).toMatchObject(kill.leaves);
      catalog.close();
    }
    expect(kills, `plan: ${described}`).toEqual(plan.map((kill) => kill.at));
    expect(new Set(kills.map((p) => p.name)).size, 'each kill at a different point').toBe(plan.length);

    const last = await crawlChild(h, db, null);
    expect(last.output, last.output).toMatch(new RegExp(`^${status} resumed=true$`, 'm'));
    const killed = openCatalog(db);
    const reference = openCatalog(join(h.dir, 'reference.sqlite'));
    expect(catalogRows(killed)).toEqual(catalogRows(reference));
    expect(killed.prepare('SELECT count(*) FROM repositories').pluck().get()).toBe(44);
    killed.close();
    reference.close();
  }, 300_000);
});
