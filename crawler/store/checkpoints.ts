import type { Catalog } from './open.ts';

/** What a run set out to do; a stopped run resumes only when the next run asks for the same. */
export interface CrawlPlan {
  sources: string[];
  shard: { index: number; count: number } | null;
}

export interface Checkpoint {
  runId: number;
  stage: 'discover' | 'sweep' | 'fetch';
  plan: CrawlPlan;
  sourcesDone: string[];
  stats: Record<string, unknown>;
}

export type QueueKind = 'archive' | 'dir' | 'git' | 'remove';

export interface QueueItem {
  run_id: number;
  repo_key: string;
  ordinal: number;
  kind: QueueKind;
  full_name: string;
  location: string | null;
  commit_sha: string | null;
  subfolders: string;
  status: string;
}

/** The latest unfinished run, if its plan matches; an unfinished run with another plan is closed as abandoned. */
export function findResumableRun(db: Catalog, plan: CrawlPlan, now: string): Checkpoint | null {
  const rows = db.prepare('SELECT * FROM crawl_checkpoints ORDER BY run_id DESC').all() as
    { run_id: number; stage: Checkpoint['stage']; plan: string; sources_done: string; stats: string }[];
  for (const row of rows) {
    if (row.plan === JSON.stringify(plan)) {
      return { runId: row.run_id, stage: row.stage, plan, sourcesDone: JSON.parse(row.sources_done) as string[], stats: JSON.parse(row.stats) as Record<string, unknown> };
    }
    db.transaction(() => {
      db.prepare("UPDATE crawl_runs SET status = 'abandoned', finished_at = ? WHERE id = ?").run(now, row.run_id);
      db.prepare('DELETE FROM crawl_checkpoints WHERE run_id = ?').run(row.run_id);
      db.prepare('DELETE FROM crawl_queue WHERE run_id = ?').run(row.run_id);
    })();
  }
  return null;
}

export function startRun(db: Catalog, plan: CrawlPlan, now: string): Checkpoint {
  let runId = 0;
  db.transaction(() => {
    runId = Number(db.prepare("INSERT INTO crawl_runs (started_at, sources, status) VALUES (?, ?, 'running')").run(now, JSON.stringify(plan.sources)).lastInsertRowid);
    db.prepare("INSERT INTO crawl_checkpoints (run_id, stage, plan, updated_at) VALUES (?, 'discover', ?, ?)").run(runId, JSON.stringify(plan), now);
  })();
  return { runId, stage: 'discover', plan, sourcesDone: [], stats: {} };
}

export function saveCheckpoint(db: Catalog, checkpoint: Checkpoint, now: string): void {
  db.prepare('UPDATE crawl_checkpoints SET stage = ?, sources_done = ?, stats = ?, updated_at = ? WHERE run_id = ?')
    .run(checkpoint.stage, JSON.stringify(checkpoint.sourcesDone), JSON.stringify(checkpoint.stats), now, checkpoint.runId);
}

/** Ends a run: its status and stats written, its checkpoint and queue dropped, in one transaction. */
export function finishRun(db: Catalog, runId: number, status: string, stats: unknown, now: string): void {
  db.transaction(() => {
    db.prepare('UPDATE crawl_runs SET finished_at = ?, status = ?, stats = ? WHERE id = ?').run(now, status, JSON.stringify(stats), runId);
    db.prepare('DELETE FROM crawl_checkpoints WHERE run_id = ?').run(runId);
    db.prepare('DELETE FROM crawl_queue WHERE run_id = ?').run(runId);
  })();
}

/** A run that stopped at a checkpoint (rate limit): its status says so; the checkpoint stays for the next run. */
export function stopRun(db: Catalog, runId: number, stats: unknown, now: string): void {
  db.prepare("UPDATE crawl_runs SET finished_at = ?, status = 'stopped', stats = ? WHERE id = ?").run(now, JSON.stringify(stats), runId);
}

export function reopenRun(db: Catalog, runId: number): void {
  db.prepare("UPDATE crawl_runs SET status = 'running', finished_at = NULL WHERE id = ?").run(runId);
}

export function enqueue(db: Catalog, runId: number, item: Omit<QueueItem, 'run_id' | 'ordinal' | 'status'>): void {
  const next = (db.prepare('SELECT coalesce(max(ordinal), 0) + 1 AS n FROM crawl_queue WHERE run_id = ?').get(runId) as { n: number }).n;
  db.prepare(
    `INSERT INTO crawl_queue (run_id, repo_key, ordinal, kind, full_name, location, commit_sha, subfolders) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (run_id, repo_key) DO UPDATE SET kind = excluded.kind, full_name = excluded.full_name, location = excluded.location,
       commit_sha = excluded.commit_sha, subfolders = excluded.subfolders, status = 'pending', error = NULL`,
  ).run(runId, item.repo_key, next, item.kind, item.full_name, item.location, item.commit_sha, item.subfolders);
}

export function pendingItems(db: Catalog, runId: number): QueueItem[] {
  return db.prepare("SELECT * FROM crawl_queue WHERE run_id = ? AND status = 'pending' ORDER BY ordinal").all(runId) as QueueItem[];
}

export function queueCounts(db: Catalog, runId: number): Record<string, number> {
  const rows = db.prepare('SELECT status, count(*) AS n FROM crawl_queue WHERE run_id = ? GROUP BY status').all(runId) as { status: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export function completeItem(db: Catalog, runId: number, key: string, status: 'done' | 'failed', error: string | null = null): void {
  db.prepare('UPDATE crawl_queue SET status = ?, error = ? WHERE run_id = ? AND repo_key = ?').run(status, error, runId, key);
}
