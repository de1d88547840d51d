import type { Candidate, Withdrawal } from '../discover/candidate.ts';
import type { SweptRepository } from '../github/sweep.ts';
import type { Catalog } from './open.ts';

export interface CandidateRow {
  key: string;
  full_name: string;
  database_id: number | null;
  sources: string;
  subfolders: string;
  whole: number;
  head_sha: string | null;
  failed_sha: string | null;
  status: string;
  swept_run: number | null;
}

const nameKey = (fullName: string): string => `name:${fullName.toLowerCase()}`;
export const githubKey = (databaseId: number): string => `github:${databaseId}`;

const union = (json: string, more: string[]): string => JSON.stringify([...new Set([...(JSON.parse(json) as string[]), ...more])].sort());

function findCandidate(db: Catalog, candidate: { fullName: string; databaseId?: number }): CandidateRow | undefined {
  if (candidate.databaseId !== undefined) {
    const byId = db.prepare('SELECT * FROM crawl_candidates WHERE database_id = ?').get(candidate.databaseId) as CandidateRow | undefined;
    if (byId) return byId;
  }
  return db.prepare("SELECT * FROM crawl_candidates WHERE lower(full_name) = ? AND status != 'gone' ORDER BY database_id IS NULL LIMIT 1")
    .get(candidate.fullName.toLowerCase()) as CandidateRow | undefined;
}

/** Records what a source named: merged by GitHub id when known, else by name. */
export function upsertCandidates(db: Catalog, source: string, candidates: Candidate[], now: string): void {
  for (const candidate of candidates) {
    const existing = findCandidate(db, candidate);
    const subfolders = candidate.subfolder ? [candidate.subfolder] : [];
    const whole = candidate.subfolder ? 0 : 1;
    if (!existing) {
      const key = candidate.databaseId !== undefined ? githubKey(candidate.databaseId) : nameKey(candidate.fullName);
      db.prepare(
        `INSERT INTO crawl_candidates (key, full_name, database_id, sources, subfolders, whole, first_seen, last_seen)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
      ).run(key, candidate.fullName, candidate.databaseId ?? null, JSON.stringify([source]), JSON.stringify(subfolders), whole, now, now);
      continue;
    }
    db.prepare(
      `UPDATE crawl_candidates SET sources = ?, subfolders = ?, whole = max(whole, ?), last_seen = ?,
         status = CASE WHEN status = 'withdrawn' THEN 'active' ELSE status END WHERE key = ?`,
    ).run(union(existing.sources, [source]), union(existing.subfolders, subfolders), whole, now, existing.key);
  }
}

/**
 * A registry entry marked deleted: the folder (or the whole registry claim) is dropped; a repository that no
 * other source names is withdrawn and returned, so its rows can be removed.
 */
export function withdrawCandidates(db: Catalog, source: string, withdrawals: Withdrawal[]): CandidateRow[] {
  const withdrawn: CandidateRow[] = [];
  for (const withdrawal of withdrawals) {
    const existing = findCandidate(db, withdrawal);
    if (!existing) continue;
    const subfolders = (JSON.parse(existing.subfolders) as string[]).filter((s) => s !== withdrawal.subfolder);
    const sources = (JSON.parse(existing.sources) as string[]).filter((s) => s !== source || subfolders.length > 0);
    if (sources.length === 0) {
      db.prepare("UPDATE crawl_candidates SET status = 'withdrawn', sources = '[]', subfolders = '[]' WHERE key = ?").run(existing.key);
      withdrawn.push(existing);
    } else {
      db.prepare('UPDATE crawl_candidates SET sources = ?, subfolders = ? WHERE key = ?').run(JSON.stringify(sources), JSON.stringify(subfolders), existing.key);
    }
  }
  return withdrawn;
}

/** Active candidates not yet swept in this run. */
export function candidatesToSweep(db: Catalog, runId: number): CandidateRow[] {
  return db.prepare("SELECT * FROM crawl_candidates WHERE status = 'active' AND (swept_run IS NULL OR swept_run != ?) ORDER BY key").all(runId) as CandidateRow[];
}

/**
 * Applies a found repository to its candidate: a name-keyed candidate becomes `github:<id>` (merged with
 * one already there); a different id under a known name is a re-created repository — the old one is gone.
 * Returns the resolved candidate and, when it differs, the key of a repository that no longer exists.
 */
export function resolveCandidate(db: Catalog, row: CandidateRow, repository: SweptRepository, runId: number, now: string): { candidate: CandidateRow; goneKey: string | null } {
  const key = githubKey(repository.databaseId);
  let goneKey: string | null = null;
  let sources = row.sources;
  let subfolders = row.subfolders;
  let whole = row.whole;
  if (row.key !== key) {
    if (row.database_id !== null) {
      goneKey = row.key;
      db.prepare("UPDATE crawl_candidates SET status = 'gone', swept_run = ? WHERE key = ?").run(runId, row.key);
    } else {
      db.prepare('DELETE FROM crawl_candidates WHERE key = ?').run(row.key);
    }
    const target = db.prepare('SELECT * FROM crawl_candidates WHERE key = ?').get(key) as CandidateRow | undefined;
    if (target) {
      sources = union(target.sources, JSON.parse(row.sources) as string[]);
      subfolders = union(target.subfolders, JSON.parse(row.subfolders) as string[]);
      whole = Math.max(whole, target.whole);
    } else {
      db.prepare('INSERT INTO crawl_candidates (key, full_name, database_id, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)')
        .run(key, repository.nameWithOwner, repository.databaseId, now, now);
    }
  }
  db.prepare(
    `UPDATE crawl_candidates SET full_name = ?, database_id = ?, sources = ?, subfolders = ?, whole = ?, head_sha = ?, stars = ?,
       description = ?, archived = ?, disk_kb = ?, status = 'active', swept_run = ?, last_seen = ? WHERE key = ?`,
  ).run(repository.nameWithOwner, repository.databaseId, sources, subfolders, whole, repository.defaultBranchRef?.target?.oid ?? null,
    repository.stargazerCount ?? null, repository.description ?? null, repository.isArchived ? 1 : 0, repository.diskUsage ?? null, runId, now, key);
  return { candidate: db.prepare('SELECT * FROM crawl_candidates WHERE key = ?').get(key) as CandidateRow, goneKey };
}

/** A repository GitHub no longer knows (deleted, or renamed beyond the redirect). */
export function markCandidateGone(db: Catalog, row: CandidateRow, runId: number): void {
  db.prepare("UPDATE crawl_candidates SET status = 'gone', swept_run = ? WHERE key = ?").run(runId, row.key);
}

export function markCandidateSwept(db: Catalog, key: string, runId: number): void {
  db.prepare('UPDATE crawl_candidates SET swept_run = ? WHERE key = ?').run(runId, key);
}

/** The folders to crawl: none (the whole repository) unless only monorepo folders were named. */
export function crawlSubfolders(row: CandidateRow): string[] {
  return row.whole ? [] : (JSON.parse(row.subfolders) as string[]);
}
