// A crawl in a child process, for the kill-and-resume test: `tsx crawl-child.ts DB STAND_IN_URL [POINT N]`.
//
// The child prints each point of the crawl it passes, one line each (`point NAME N`), and with POINT N it
// stops at that point: it prints `stopped NAME N` and waits there, inside whatever the crawl was doing,
// for the parent to kill it. The points are observed from outside the crawler — temporary SQLite
// triggers on this connection's checkpoint writes, the progress callback and the archive downloads — so
// the crawl runs its production code unchanged, and a point is reached whatever the machine's speed.
import { writeSync } from 'node:fs';
import { createGitHubClient, type GitHubClient } from '../../crawler/github/client.ts';
import { runCrawl } from '../../crawler/pipeline/crawl.ts';
import { openCatalog, type Catalog } from '../../crawler/store/open.ts';

/**
 * The points a crawl passes, in order. Inside a transaction, before it commits: a discovery page, the end
 * of discovery, a sweep batch, the end of the sweep, a queue item's transaction (a repository saved or
 * failed), the run's final one. Between transactions: an archive download about to be requested, a
 * repository's transaction just committed.
 */
const CRAWL_POINTS = ['discovery-page', 'discover-end', 'sweep-batch', 'sweep-end', 'download', 'repository-transaction', 'repository-saved', 'run-finish'] as const;
export type CrawlPoint = (typeof CRAWL_POINTS)[number];

const [db, base, stopName, stopAt] = process.argv.slice(2);
const stop = stopName ? { name: stopName as CrawlPoint, at: Number(stopAt) } : null;
/** How often this process passed each point, for the points named by their order. */
const seen = Object.fromEntries(CRAWL_POINTS.map((point) => [point, 0])) as Record<CrawlPoint, number>;
/** Long enough for any loaded machine to deliver the parent's SIGKILL; a child never killed exits 3. */
const WAIT_FOR_KILL_MS = 120_000;

/** Reports a point; at the planned one, blocks this thread (and so the crawl, mid-transaction if it is in one). */
function reached(name: CrawlPoint, n: number): void {
  writeSync(1, `point ${name} ${n}\n`);
  if (stop?.name !== name || stop.at !== n) return;
  writeSync(1, `stopped ${name} ${n}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, WAIT_FOR_KILL_MS);
  writeSync(2, `not killed at ${name} ${n}\n`);
  process.exit(3);
}

/**
 * Every transaction of a crawl ends by writing the run's checkpoint, and a finished run deletes it: these
 * TEMP triggers (this connection only, nothing written to the file) call `reached` from inside those
 * transactions, before they commit. A queue item's transaction and the run's end are named by how many
 * queue items the run has finished, the current one included, so by their place in the whole run however
 * often it was resumed; the other points by their order in this process.
 */
function watchCheckpoints(catalog: Catalog): void {
  const finished = "(SELECT count(*) FROM main.crawl_queue WHERE run_id = OLD.run_id AND status <> 'pending')";
  // A fetch-stage checkpoint that finished no queue item (statistics alone) is not an item's transaction.
  let finishedBefore = catalog.prepare("SELECT count(*) FROM crawl_queue WHERE status <> 'pending'").pluck().get() as number;
  catalog.function('crawl_point', (before: unknown, after: unknown, count: unknown) => {
    const point = crawlPointOf(before as string, after as string | null);
    if (point === 'run-finish') reached(point, Number(count));
    else if (point !== 'repository-transaction') reached(point, ++seen[point]);
    else if (Number(count) > finishedBefore) reached(point, (finishedBefore = Number(count)));
    return null;
  });
  catalog.exec(`
    CREATE TEMP TRIGGER checkpoint_written AFTER UPDATE ON main.crawl_checkpoints BEGIN SELECT crawl_point(OLD.stage, NEW.stage, ${finished}); END;
    CREATE TEMP TRIGGER run_finished AFTER DELETE ON main.crawl_checkpoints BEGIN SELECT crawl_point(OLD.stage, NULL, ${finished}); END;
  `);
}

/** Which point a checkpoint write is, from the stage before and after it (none after: the run's end). */
function crawlPointOf(before: string, after: string | null): CrawlPoint {
  if (after === null) return 'run-finish';
  if (before === 'discover') return after === 'discover' ? 'discovery-page' : 'discover-end';
  if (before === 'sweep') return after === 'sweep' ? 'sweep-batch' : 'sweep-end';
  return 'repository-transaction';
}

/** The client with each archive download reported before it is requested. */
function watchDownloads(client: GitHubClient): GitHubClient {
  return {
    ...client,
    fetch(url, init) {
      if (url.startsWith(client.endpoints.archiveUrl)) reached('download', ++seen.download);
      return client.fetch(url, init);
    },
  };
}

const client = watchDownloads(createGitHubClient({
  token: process.env.GITHUB_TOKEN ?? '',
  endpoints: { apiUrl: `${base}/api`, graphqlUrl: `${base}/api/graphql`, archiveUrl: `${base}/codeload`, registryUrl: `${base}/registry` },
  intervals: { core: 0, search: 0, code_search: 0, graphql: 0 },
}));
const catalog = openCatalog(db);
watchCheckpoints(catalog);
const saved = catalog.prepare("SELECT count(*) FROM crawl_queue WHERE status = 'done'").pluck();
writeSync(1, 'started\n');
const summary = await runCrawl(catalog, {
  sources: [{ kind: 'registry' }, { kind: 'github' }, { kind: 'seeds' }], github: client, concurrency: 2,
  // After a repository's transaction committed; named by how many the run has saved.
  onProgress: () => reached('repository-saved', saved.get() as number),
});
catalog.close();
writeSync(1, `${summary.status} resumed=${summary.resumed}\n`);
