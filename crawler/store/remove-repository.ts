import type { Catalog } from './open.ts';
import { saveRepository, type RepositoryInfo } from './save-repository.ts';

/**
 * Takes a repository out of the catalog (deleted on GitHub, withdrawn from the registry): its tools are
 * recorded as removed in `tool_history` first, then its rows go. Returns how many tools were removed.
 */
export function removeRepository(db: Catalog, runId: number, repoId: string, now: string): number {
  const row = db.prepare('SELECT * FROM repositories WHERE id = ?').get(repoId) as
    | { id: string; full_name: string; source: string; url: string | null; commit_sha: string | null; content_hash: string; stars: number | null; language: string | null; description: string | null }
    | undefined;
  if (!row) return 0;
  let removed = 0;
  db.transaction(() => {
    const info: RepositoryInfo = {
      id: row.id, fullName: row.full_name, source: row.source, url: row.url, commitSha: row.commit_sha,
      contentHash: row.content_hash, stars: row.stars, language: row.language, description: row.description,
    };
    removed = saveRepository(db, runId, info, { extraction: { servers: [], tools: [], dynamic: [], warnings: [] }, servers: [] }, now).removed;
    db.prepare('DELETE FROM repositories WHERE id = ?').run(repoId);
  })();
  return removed;
}
