import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import type { DiscoveryContext, DiscoveryPage } from '../discover/candidate.ts';
import { discoverDirectory } from '../discover/dir.ts';
import { discoverGitDirectory, type GitRepository } from '../discover/git.ts';
import { discoverySource } from '../discover/index.ts';
import { discoveryIds, needsGitHub, type SourceSpec } from '../discover/source.ts';
import { archiveTree } from '../fetch/archive-tree.ts';
import { fetchArchive } from '../fetch/archive-download.ts';
import { ArchiveRefused } from '../fetch/archive-tree.ts';
import type { ArchiveLimits } from '../fetch/archive-limits.ts';
import { contentHash } from '../fetch/content-hash.ts';
import { GitRefused, resolveHead } from '../fetch/git-head.ts';
import { readGitTree } from '../fetch/git-tree.ts';
import { localTree, type SourceTree } from '../fetch/source-tree.ts';
import type { GitHubClient } from '../github/client.ts';
import { RateLimitStop } from '../github/errors.ts';
import { sweep, type SweepResult } from '../github/sweep.ts';
import {
  candidatesToSweep, crawlSubfolders, markCandidateGone, markCandidateSwept, resolveCandidate, upsertCandidates, withdrawCandidates,
  type CandidateRow,
} from '../store/candidates.ts';
import {
  completeItem, enqueue, findResumableRun, finishRun, pendingItems, reopenRun, saveCheckpoint, startRun, stopRun,
  type Checkpoint, type CrawlPlan, type QueueItem,
} from '../store/checkpoints.ts';
import { getCrawlState, setCrawlState } from '../store/crawl-state.ts';
import type { Catalog } from '../store/open.ts';
import { removeRepository } from '../store/remove-repository.ts';
import { markRepositoryFailed, saveRepository } from '../store/save-repository.ts';
import { analyzeRepository, type Analysis } from './analyze.ts';
import { addSkipped, emptySummary, type CrawlSummary, type Stage } from './crawl-summary.ts';
import { localRootsKey, sourceLabel, storedStats, storedText } from './stored-text.ts';

export type { CrawlFailure, CrawlSummary } from './crawl-summary.ts';

export interface Shard {
  /** 1-based, as in `--shard 1/4`. */
  index: number;
  count: number;
}

export interface CrawlOptions {
  sources: SourceSpec[];
  limit?: number;
  shard?: Shard;
  /** Needed by every source but `dir:`. */
  github?: GitHubClient;
  /** Where archives are cached by commit. */
  cacheDir?: string;
  archiveLimits?: ArchiveLimits;
  /** Archives downloaded at once (reference note 1.4: 4–8). */
  concurrency?: number;
  /** Repositories larger than this (GitHub `diskUsage`, KB) are not downloaded. */
  maxDiskKb?: number;
  /** Called after each repository, for progress bars. */
  onProgress?: (done: number, total: number, repository: string) => void;
  log?: (message: string) => void;
  now?: () => Date;
}

/** A stable shard for a repository id: the first 32 bits of its SHA-1, modulo the shard count. */
export function shardOf(key: string, count: number): number {
  return (createHash('sha1').update(key).digest().readUInt32BE(0) % count) + 1;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * discover → sweep → fetch → extract → classify → store. Every step is checkpointed in the catalog, each
 * repository in one transaction with its queue entry, so a run killed at any moment resumes where it stopped.
 */
export async function runCrawl(db: Catalog, options: CrawlOptions): Promise<CrawlSummary> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  const iso = (): string => now().toISOString();
  const started = now().getTime();
  const sources = options.sources.map(sourceLabel);
  const shardLabel = options.shard ? `${options.shard.index}/${options.shard.count}` : null;
  const roots = options.sources.flatMap((s) => (s.kind === 'dir' || s.kind === 'git' ? [s.path] : []));
  // Stored and published: a failure's text keeps no token and no absolute local path (stored-text.ts).
  const stored = (error: unknown): string => storedText(errorText(error), roots);
  const plan: CrawlPlan = { sources, shard: options.shard ?? null, ...(roots.length > 0 ? { roots: localRootsKey(options.sources) } : {}) };
  if (options.sources.some(needsGitHub) && !options.github) throw new Error('GitHub sources need a GitHub client (GITHUB_TOKEN)');

  let checkpoint: Checkpoint | null = findResumableRun(db, plan, iso());
  const resumed = checkpoint !== null;
  if (checkpoint) reopenRun(db, checkpoint.runId);
  else checkpoint = startRun(db, plan, iso());
  const cp = checkpoint;
  const summary: CrawlSummary = { ...emptySummary(cp.runId, sources, shardLabel), ...(cp.stats as Partial<CrawlSummary>), resumed, status: 'ok', stoppedReason: null };
  const baseDuration = summary.durationMs;
  const inShard = (key: string): boolean => !options.shard || shardOf(key, options.shard.count) === options.shard.index;
  const timed = async <T>(stage: Stage, work: () => Promise<T>): Promise<T> => {
    const t = Date.now();
    try {
      return await work();
    } finally {
      summary.stages[stage].durationMs += Date.now() - t;
    }
  };
  const checkpointNow = (): void => {
    summary.durationMs = baseDuration + (now().getTime() - started);
    cp.stats = summary as unknown as Record<string, unknown>;
    saveCheckpoint(db, cp, iso());
  };
  const fail = (repository: string, stage: Stage, error: string): void => {
    summary.failures.push({ repository, stage, error: stored(error) });
    summary.stages[stage].failures++;
  };

  try {
    if (cp.stage === 'discover') {
      await timed('discover', () => discover(db, options, cp, summary, inShard, checkpointNow, iso, log, stored));
      cp.stage = 'sweep';
      db.transaction(checkpointNow)();
    }
    if (cp.stage === 'sweep') {
      if (options.github) await timed('sweep', () => sweepCandidates(db, options, options.github as GitHubClient, cp.runId, summary, inShard, checkpointNow, fail, iso));
      cp.stage = 'fetch';
      db.transaction(checkpointNow)();
    }
    await processQueue(db, options, cp.runId, summary, checkpointNow, fail, timed, iso, log, stored);
  } catch (error) {
    // A rate limit beyond the allowed wait: the run keeps its checkpoint and the next one resumes.
    if (!(error instanceof RateLimitStop)) throw error;
    summary.stoppedReason = stored(error);
  }

  if (options.github) {
    for (const budget of options.github.budgets.all()) summary.requests[budget.resource] = (summary.requests[budget.resource] ?? 0) + budget.requests;
  }
  summary.durationMs = baseDuration + (now().getTime() - started);
  if (summary.stoppedReason) {
    summary.status = 'stopped';
    db.transaction(() => {
      checkpointNow();
      stopRun(db, cp.runId, storedStats(summary, roots), iso());
    })();
    return summary;
  }
  if (summary.failures.length > 0) summary.status = summary.repositories > 0 || summary.skippedUnchanged > 0 ? 'partial' : 'failed';
  finishRun(db, cp.runId, summary.status, storedStats(summary, roots), iso());
  return summary;
}

async function discover(
  db: Catalog, options: CrawlOptions, cp: Checkpoint, summary: CrawlSummary, inShard: (key: string) => boolean,
  checkpointNow: () => void, iso: () => string, log: (m: string) => void, stored: (error: unknown) => string,
): Promise<void> {
  for (const spec of options.sources) {
    if (spec.kind !== 'git' || cp.sourcesDone.includes(sourceLabel(spec))) continue;
    discoverGitSource(db, options, cp, summary, inShard, checkpointNow, spec);
  }
  for (const spec of options.sources) {
    if (spec.kind !== 'dir' || cp.sourcesDone.includes(sourceLabel(spec))) continue;
    const listing = discoverDirectory(spec.path);
    let repositories = listing.repositories.filter((r) => inShard(r.id));
    if (options.limit !== undefined) repositories = repositories.slice(0, options.limit);
    db.transaction(() => {
      for (const repository of repositories) {
        enqueue(db, cp.runId, { repo_key: repository.id, kind: 'dir', full_name: repository.fullName, location: repository.dir, commit_sha: null, subfolders: '[]' });
      }
      summary.bySource[sourceLabel(spec)] = { discovered: repositories.length, withdrawn: 0, durationMs: 0, error: null };
      addSkipped(summary, sourceLabel(spec), listing.skipped);
      cp.sourcesDone.push(sourceLabel(spec));
      checkpointNow();
    })();
  }
  const ids = [...new Set(options.sources.flatMap(discoveryIds))];
  for (const id of ids) {
    if (cp.sourcesDone.includes(id) || !options.github) continue;
    const source = discoverySource(id);
    const stats = (summary.bySource[id] ??= { discovered: 0, withdrawn: 0, durationMs: 0, error: null });
    const t = Date.now();
    const context: DiscoveryContext = {
      client: options.github,
      since: getCrawlState(db, `${id}:since`),
      cursor: getCrawlState(db, `${id}:cursor`),
      getState: (key) => getCrawlState(db, `${id}:${key}`),
      setState: (key, value) => setCrawlState(db, `${id}:${key}`, value),
      now: () => new Date(iso()),
      log,
    };
    const emit = (page: DiscoveryPage): void => {
      db.transaction(() => {
        upsertCandidates(db, id, page.candidates, iso());
        stats.discovered += page.candidates.length;
        summary.stages.discover.count += page.candidates.length;
        for (const gone of withdrawCandidates(db, id, page.withdrawn ?? [])) {
          stats.withdrawn++;
          if (gone.database_id !== null && db.prepare('SELECT 1 FROM repositories WHERE id = ?').get(gone.key)) {
            enqueue(db, cp.runId, { repo_key: gone.key, kind: 'remove', full_name: gone.full_name, location: null, commit_sha: null, subfolders: '[]' });
          }
        }
        if (page.cursor !== undefined) setCrawlState(db, `${id}:cursor`, page.cursor);
        checkpointNow();
      })();
    };
    try {
      await source.discover(context, emit);
    } catch (error) {
      if (error instanceof RateLimitStop) throw error;
      stats.error = stored(error);
      summary.stages.discover.failures++;
      log(`source ${id} failed: ${stats.error}`);
    } finally {
      stats.durationMs += Date.now() - t;
    }
    db.transaction(() => {
      setCrawlState(db, `${id}:cursor`, null);
      if (!stats.error) setCrawlState(db, `${id}:since`, iso());
      cp.sourcesDone.push(id);
      checkpointNow();
    })();
  }
}

/** The repository id of a git directory's repository: by name, as no GitHub id is known offline. */
export const gitKey = (fullName: string): string => `git:${fullName.toLowerCase()}`;

/**
 * `git:DIR`: every git directory under DIR is queued at the commit its HEAD names, unless the catalog
 * already holds that commit (incremental, as the GitHub crawl: an unchanged head is not read again).
 */
function discoverGitSource(
  db: Catalog, options: CrawlOptions, cp: Checkpoint, summary: CrawlSummary, inShard: (key: string) => boolean,
  checkpointNow: () => void, spec: Extract<SourceSpec, { kind: 'git' }>,
): void {
  const label = sourceLabel(spec);
  const listing = discoverGitDirectory(spec.path);
  let repositories = listing.repositories.filter((r) => inShard(gitKey(r.fullName)));
  if (options.limit !== undefined) repositories = repositories.slice(0, options.limit);
  const unchanged = (repository: GitRepository): boolean => {
    const stored = db.prepare('SELECT commit_sha, status FROM repositories WHERE id = ?').get(gitKey(repository.fullName)) as
      { commit_sha: string | null; status: string } | undefined;
    return stored !== undefined && stored.status === 'ok' && repository.head !== null && stored.commit_sha === repository.head;
  };
  db.transaction(() => {
    for (const repository of repositories) {
      if (unchanged(repository)) {
        summary.skippedUnchanged++;
        continue;
      }
      enqueue(db, cp.runId, { repo_key: gitKey(repository.fullName), kind: 'git', full_name: repository.fullName, location: repository.gitDir, commit_sha: repository.head, subfolders: '[]' });
    }
    summary.bySource[label] = { discovered: repositories.length, withdrawn: 0, durationMs: 0, error: null };
    addSkipped(summary, label, listing.skipped);
    cp.sourcesDone.push(label);
    checkpointNow();
  })();
}

async function sweepCandidates(
  db: Catalog, options: CrawlOptions, client: GitHubClient, runId: number, summary: CrawlSummary, inShard: (key: string) => boolean,
  checkpointNow: () => void, fail: (repository: string, stage: Stage, error: string) => void, iso: () => string,
): Promise<void> {
  let rows = candidatesToSweep(db, runId);
  // Candidates whose id is known and belongs to another shard are not even swept.
  const skipped = rows.filter((row) => row.database_id !== null && !inShard(row.key));
  db.transaction(() => {
    for (const row of skipped) markCandidateSwept(db, row.key, runId);
  })();
  rows = rows.filter((row) => !skipped.includes(row));
  if (options.limit !== undefined) rows = rows.slice(0, options.limit);
  const byName = new Map<string, CandidateRow[]>();
  for (const row of rows) {
    const list = byName.get(row.full_name.toLowerCase()) ?? [];
    list.push(row);
    byName.set(row.full_name.toLowerCase(), list);
  }
  const names = [...new Set(rows.map((r) => r.full_name))];
  const apply = (result: SweepResult): void => {
    for (const row of byName.get(result.fullName.toLowerCase()) ?? []) {
      const current = db.prepare('SELECT * FROM crawl_candidates WHERE key = ?').get(row.key) as CandidateRow | undefined;
      if (!current) continue;
      summary.stages.sweep.count++;
      if (result.kind === 'missing') {
        summary.sweep.missing++;
        markCandidateGone(db, current, runId);
        if (db.prepare('SELECT 1 FROM repositories WHERE id = ?').get(current.key)) {
          enqueue(db, runId, { repo_key: current.key, kind: 'remove', full_name: current.full_name, location: null, commit_sha: null, subfolders: '[]' });
        }
        continue;
      }
      if (result.kind === 'error') {
        markCandidateSwept(db, current.key, runId);
        fail(current.full_name, 'sweep', result.message);
        continue;
      }
      const { candidate, goneKey } = resolveCandidate(db, current, result.repository, runId, iso());
      if (goneKey && db.prepare('SELECT 1 FROM repositories WHERE id = ?').get(goneKey)) {
        enqueue(db, runId, { repo_key: goneKey, kind: 'remove', full_name: current.full_name, location: null, commit_sha: null, subfolders: '[]' });
      }
      if (!inShard(candidate.key)) continue;
      planFetch(db, options, runId, summary, candidate, result.repository.diskUsage ?? null, fail, iso);
    }
  };
  const stats = await sweep(client, names, (results) => {
    db.transaction(() => {
      for (const result of results) apply(result);
      checkpointNow();
    })();
  });
  summary.sweep.queries += stats.queries;
  summary.sweep.points += stats.points;
  summary.sweep.shrunk += stats.shrunk;
}

/** Enqueues a download when the head commit moved; otherwise refreshes metadata only (renames, stars). */
function planFetch(
  db: Catalog, options: CrawlOptions, runId: number, summary: CrawlSummary, candidate: CandidateRow, diskKb: number | null,
  fail: (repository: string, stage: Stage, error: string) => void, iso: () => string,
): void {
  const head = candidate.head_sha;
  if (!head) return;
  const stored = db.prepare('SELECT full_name, commit_sha, status, stars, description FROM repositories WHERE id = ?').get(candidate.key) as
    | { full_name: string; commit_sha: string | null; status: string; stars: number | null; description: string | null }
    | undefined;
  const meta = db.prepare('SELECT stars, description FROM crawl_candidates WHERE key = ?').get(candidate.key) as { stars: number | null; description: string | null };
  if (stored && stored.commit_sha === head && stored.status === 'ok') {
    summary.skippedUnchanged++;
    if (stored.full_name !== candidate.full_name || stored.stars !== meta.stars || stored.description !== meta.description) {
      db.prepare('UPDATE repositories SET full_name = ?, url = ?, stars = ?, description = ? WHERE id = ?')
        .run(candidate.full_name, `https://github.com/${candidate.full_name}`, meta.stars, meta.description, candidate.key);
    }
    return;
  }
  if (candidate.failed_sha === head) {
    summary.skippedUnchanged++;
    return;
  }
  if (diskKb !== null && diskKb > (options.maxDiskKb ?? 2_000_000)) {
    const error = `repository of ${diskKb} KB is larger than the ${options.maxDiskKb ?? 2_000_000} KB cap; not downloaded`;
    markRepositoryFailed(db, runId, { id: candidate.key, fullName: candidate.full_name, source: firstSource(candidate), url: `https://github.com/${candidate.full_name}` }, error, iso());
    db.prepare('UPDATE crawl_candidates SET failed_sha = ? WHERE key = ?').run(head, candidate.key);
    fail(candidate.full_name, 'fetch', error);
    return;
  }
  enqueue(db, runId, { repo_key: candidate.key, kind: 'archive', full_name: candidate.full_name, location: null, commit_sha: head, subfolders: JSON.stringify(crawlSubfolders(candidate)) });
}

const firstSource = (candidate: CandidateRow): string => (JSON.parse(candidate.sources) as string[])[0] ?? 'github';

async function processQueue(
  db: Catalog, options: CrawlOptions, runId: number, summary: CrawlSummary, checkpointNow: () => void,
  fail: (repository: string, stage: Stage, error: string) => void, timed: <T>(stage: Stage, work: () => Promise<T>) => Promise<T>,
  iso: () => string, log: (m: string) => void, stored: (error: unknown) => string,
): Promise<void> {
  const items = pendingItems(db, runId);
  const limit = pLimit(options.concurrency ?? 4);
  let done = 0;
  let stop: unknown = null;
  const one = async (item: QueueItem): Promise<void> => {
    if (stop) return;
    const at = iso();
    if (item.kind === 'remove') {
      db.transaction(() => {
        const removed = removeRepository(db, runId, item.repo_key, at);
        summary.removed += removed;
        summary.removedRepositories++;
        completeItem(db, runId, item.repo_key, 'done');
        checkpointNow();
      })();
      return;
    }
    let tree: SourceTree;
    try {
      tree = await timed('fetch', () => loadTree(options, item, summary));
      summary.stages.fetch.count++;
    } catch (error) {
      if (error instanceof RateLimitStop) {
        stop = error;
        return;
      }
      const refused = error instanceof ArchiveRefused || error instanceof GitRefused;
      recordFailure(db, runId, item, 'fetch', stored(error), refused, summary, fail, checkpointNow, at);
      if (refused) summary.archives.refused++;
      log(`fetch ${item.full_name}: ${stored(error)}`);
      return;
    }
    let analysis: Analysis;
    try {
      analysis = await timed('analyze', () => analyzeRepository(tree, item.full_name));
      summary.stages.analyze.count++;
    } catch (error) {
      recordFailure(db, runId, item, 'analyze', stored(error), false, summary, fail, checkpointNow, at);
      return;
    }
    const t = Date.now();
    db.transaction(() => {
      store(db, runId, item, tree, analysis, summary, at);
      completeItem(db, runId, item.repo_key, 'done');
      checkpointNow();
    })();
    summary.stages.store.durationMs += Date.now() - t;
    summary.stages.store.count++;
    options.onProgress?.(++done, items.length, item.full_name);
  };
  await Promise.all(items.map((item) => limit(() => one(item))));
  if (stop) throw stop;
}

async function loadTree(options: CrawlOptions, item: QueueItem, summary: CrawlSummary): Promise<SourceTree> {
  if (item.kind === 'dir') return localTree(item.location as string);
  if (item.kind === 'git') {
    // A HEAD that could not be read at discovery is read again, so the failure names its reason.
    const commit = item.commit_sha ?? resolveHead(item.location as string);
    return readGitTree({ gitDir: item.location as string, commit, label: `${item.full_name}@${commit}` });
  }
  const client = options.github as GitHubClient;
  const fetched = await fetchArchive(client, { fullName: item.full_name, sha: item.commit_sha as string }, { cacheDir: options.cacheDir, limits: options.archiveLimits });
  if (fetched.cached) summary.archives.cached++;
  else summary.archives.downloaded++;
  summary.archives.compressedBytes += fetched.compressedBytes;
  summary.archives.skippedEntries += fetched.skipped.count;
  return archiveTree(`${item.full_name}@${item.commit_sha}`, fetched.files, JSON.parse(item.subfolders) as string[], fetched.skipped);
}

function store(db: Catalog, runId: number, item: QueueItem, tree: SourceTree, analysis: Analysis, summary: CrawlSummary, at: string): void {
  const candidate = item.kind === 'archive'
    ? db.prepare('SELECT * FROM crawl_candidates WHERE key = ?').get(item.repo_key) as (CandidateRow & { stars: number | null; description: string | null }) | undefined
    : undefined;
  const saved = saveRepository(db, runId, {
    id: item.repo_key,
    fullName: item.full_name,
    source: item.kind === 'dir' || item.kind === 'git' ? item.kind : (candidate ? firstSource(candidate) : 'github'),
    url: item.kind === 'dir' ? null : `https://github.com/${item.full_name}`,
    commitSha: item.commit_sha,
    contentHash: item.commit_sha ?? contentHash(tree),
    stars: candidate?.stars ?? null,
    language: analysis.servers[0]?.server.language ?? null,
    description: candidate?.description ?? null,
  }, analysis, at);
  if (candidate) db.prepare('UPDATE crawl_candidates SET failed_sha = NULL WHERE key = ?').run(item.repo_key);
  summary.repositories++;
  summary.added += saved.added;
  summary.changed += saved.changed;
  summary.removed += saved.removed;
  summary.unchanged += saved.unchanged;
  summary.warnings += analysis.extraction.warnings.length;
  addSkipped(summary, item.full_name, tree.skipped);
  for (const server of analysis.servers) {
    summary.servers++;
    summary.dynamic += server.dynamic.length;
    for (const tool of server.tools) {
      summary.tools++;
      summary.byRisk[tool.classification.risk] = (summary.byRisk[tool.classification.risk] ?? 0) + 1;
    }
  }
}

/** A repository that could not be crawled keeps its previous rows; a refused archive is not downloaded again at that commit. */
function recordFailure(
  db: Catalog, runId: number, item: QueueItem, stage: Stage, error: string, refused: boolean, summary: CrawlSummary,
  fail: (repository: string, stage: Stage, error: string) => void, checkpointNow: () => void, at: string,
): void {
  db.transaction(() => {
    const source = item.kind === 'dir' || item.kind === 'git' ? item.kind : 'github';
    markRepositoryFailed(db, runId, { id: item.repo_key, fullName: item.full_name, source, url: item.kind === 'dir' ? null : `https://github.com/${item.full_name}` }, error, at);
    if (refused) db.prepare('UPDATE crawl_candidates SET failed_sha = ? WHERE key = ?').run(item.commit_sha, item.repo_key);
    completeItem(db, runId, item.repo_key, 'failed', error);
    fail(item.full_name, stage, error);
    checkpointNow();
  })();
  void summary;
}
