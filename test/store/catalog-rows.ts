import type { Catalog } from '../../crawler/store/open.ts';

/**
 * Every catalog row a reader sees, keyed by what names it (repository id, server slug, tool slug) rather
 * than by row ids and run numbers, which differ between two databases holding the same catalog. Sorted.
 */
export function catalogRows(db: Catalog): Record<string, unknown[]> {
  const tool = `JOIN tools t ON t.id = x.tool_id JOIN servers s ON s.id = t.server_id`;
  const queries: Record<string, string> = {
    repositories: 'SELECT id, full_name, source, url, commit_sha, content_hash, stars, language, description, crawled_at, status, error FROM repositories',
    extraction_warnings: 'SELECT repo_id, file, message FROM extraction_warnings',
    servers: 'SELECT repo_id, path, slug, name, language, sdk, sdk_version, policy, assessment, packages FROM servers',
    server_policies: 'SELECT s.slug, x.format, x.text FROM server_policies x JOIN servers s ON s.id = x.server_id',
    dynamic_tools: 'SELECT s.slug, x.file, x.line, x.reason FROM dynamic_tools x JOIN servers s ON s.id = x.server_id',
    tools: `SELECT s.slug AS server, t.slug, t.name, t.title, t.description, t.input_schema, t.annotations, t.definition, t.file, t.line,
              t.sdk, t.style, t.confidence, t.definition_hash FROM tools t JOIN servers s ON s.id = t.server_id`,
    classifications: `SELECT s.slug AS server, t.slug, x.category, x.policylayer_category, x.risk, x.tags, x.confidence, x.rules, x.rationale,
              x.classifier_version, x.policy, x.policy_note, x.hash FROM classifications x ${tool}`,
    findings: `SELECT s.slug AS server, t.slug, x.ordinal, x.rule, x.message, x.category, x.risk, x.tags, x.evidence FROM findings x ${tool}`,
    tool_policies: `SELECT s.slug AS server, t.slug, x.format, x.text FROM tool_policies x ${tool}`,
    policy_examples: `SELECT s.slug AS server, t.slug, x.format, x.ordinal, x.call, x.decision, x.reason FROM policy_examples x ${tool}`,
  };
  const sortKey = (row: unknown): string => JSON.stringify(row);
  return Object.fromEntries(Object.entries(queries).map(([table, sql]) => {
    const rows = db.prepare(sql).all().map((row) => ({ ...(row as object) }));
    return [table, rows.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0))];
  }));
}
