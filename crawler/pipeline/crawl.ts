import { discoverDirectory, type DiscoveredRepository } from '../discover/dir.ts';
import { describeSource, type SourceSpec } from '../discover/source.ts';
import { contentHash } from '../fetch/content-hash.ts';
import { localTree } from '../fetch/source-tree.ts';
import type { Catalog } from '../store/open.ts';
import { markRepositoryFailed, saveRepository } from '../store/save-repository.ts';
import { analyzeRepository } from './analyze.ts';

export interface CrawlOptions {
  sources: SourceSpec[];
  limit?: number;
  /** Called after each repository, for progress bars. */
  onProgress?: (done: number, total: number, repository: string) => void;
  now?: () => Date;
}

export interface CrawlFailure {
  repository: string;
  error: string;
}

export interface CrawlSummary {
  runId: number;
  status: 'ok' | 'partial' | 'failed';
  sources: string[];
  repositories: number;
  servers: number;
  tools: number;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  dynamic: number;
  warnings: number;
  failures: CrawlFailure[];
  byRisk: Record<string, number>;
  durationMs: number;
}

/** The sources this version can crawl; the GitHub ones arrive with the GitHub crawler. */
function discover(source: SourceSpec): DiscoveredRepository[] {
  if (source.kind === 'dir') return discoverDirectory(source.path);
  throw new Error(`source ${source.kind} is not available in this version yet; use dir:PATH`);
}

/** discover → fetch → extract → classify → store, one repository at a time, each in its own transaction. */
export async function runCrawl(db: Catalog, options: CrawlOptions): Promise<CrawlSummary> {
  const now = options.now ?? (() => new Date());
  const started = now();
  const sources = options.sources.map(describeSource);
  const runId = Number(
    db.prepare("INSERT INTO crawl_runs (started_at, sources, status) VALUES (?, ?, 'running')").run(started.toISOString(), JSON.stringify(sources)).lastInsertRowid,
  );
  const summary: CrawlSummary = {
    runId, status: 'ok', sources, repositories: 0, servers: 0, tools: 0, added: 0, changed: 0, removed: 0, unchanged: 0,
    dynamic: 0, warnings: 0, failures: [], byRisk: { low: 0, medium: 0, high: 0, critical: 0 }, durationMs: 0,
  };

  let repositories = options.sources.flatMap(discover);
  if (options.limit !== undefined) repositories = repositories.slice(0, options.limit);
  for (const [index, repository] of repositories.entries()) {
    const at = now().toISOString();
    try {
      const tree = localTree(repository.dir);
      const analysis = await analyzeRepository(tree, repository.fullName);
      const saved = saveRepository(db, runId, {
        id: repository.id, fullName: repository.fullName, source: repository.source, url: repository.url,
        commitSha: null, contentHash: contentHash(tree), stars: null, language: analysis.servers[0]?.server.language ?? null,
        description: null,
      }, analysis, at);
      summary.repositories++;
      summary.added += saved.added;
      summary.changed += saved.changed;
      summary.removed += saved.removed;
      summary.unchanged += saved.unchanged;
      summary.warnings += analysis.extraction.warnings.length;
      for (const server of analysis.servers) {
        summary.servers++;
        summary.dynamic += server.dynamic.length;
        for (const tool of server.tools) {
          summary.tools++;
          summary.byRisk[tool.classification.risk]++;
        }
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      summary.failures.push({ repository: repository.fullName, error: message });
      markRepositoryFailed(db, runId, repository, message, at);
    }
    options.onProgress?.(index + 1, repositories.length, repository.fullName);
  }

  summary.durationMs = now().getTime() - started.getTime();
  if (summary.failures.length > 0) summary.status = summary.repositories > 0 ? 'partial' : 'failed';
  db.prepare('UPDATE crawl_runs SET finished_at = ?, status = ?, stats = ? WHERE id = ?').run(
    now().toISOString(), summary.status, JSON.stringify(summary), runId,
  );
  return summary;
}
