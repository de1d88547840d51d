import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLASSIFIER_VERSION } from '../classify/index.ts';
import type { Catalog } from './open.ts';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type RepositoryLine, type ServerLine, type SnapshotManifest, type ToolLine } from './snapshot-schema.ts';

export interface SnapshotExport {
  repositories: number;
  servers: number;
  tools: number;
}

interface RepositoryRow {
  id: string; full_name: string; source: string; url: string | null; commit_sha: string | null; content_hash: string;
  stars: number | null; language: string | null; description: string | null; crawled_at: string; status: RepositoryLine['status']; error: string | null;
}

interface ServerRow {
  id: number; slug: string; repo_id: string; path: string; name: string; language: string; sdk: string; sdk_version: string | null;
  packages: string; assessment: string;
}

interface ToolRow {
  id: number; slug: string; definition: string; definition_hash: string; category: string; policylayer_category: string; risk: string;
  tags: string; confidence: number; rules: string; rationale: string; classifier_version: string; policy_note: string; hash: string;
}

const lines = (objects: unknown[]): string => objects.map((object) => `${JSON.stringify(object)}\n`).join('');
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Writes the catalog as a snapshot into `dir` (see snapshot-schema.ts): sorted, one JSON object a line,
 * every server file rewritten and stale ones removed, so that `git diff` shows exactly what changed.
 * `only` (lower-case `owner/name`s) keeps the repositories of a seed list and drops the rest.
 */
export function exportSnapshot(db: Catalog, dir: string, only?: ReadonlySet<string>): SnapshotExport {
  const serversDir = join(dir, 'servers');
  mkdirSync(serversDir, { recursive: true });
  for (const name of readdirSync(serversDir)) if (name.endsWith('.jsonl')) rmSync(join(serversDir, name));

  const repositories = (db.prepare('SELECT * FROM repositories ORDER BY full_name, id').all() as RepositoryRow[])
    .filter((row) => !only || only.has(row.full_name.toLowerCase()));
  const included = new Set(repositories.map((row) => row.id));
  const warnings = db.prepare('SELECT file, message FROM extraction_warnings WHERE repo_id = ? ORDER BY rowid');
  writeFileSync(join(dir, 'repositories.jsonl'), lines(repositories.map((row): RepositoryLine => ({
    id: row.id, fullName: row.full_name, source: row.source, url: row.url, commit: row.commit_sha, contentHash: row.content_hash,
    stars: row.stars, language: row.language, description: row.description, crawledAt: row.crawled_at, status: row.status, error: row.error,
    warnings: warnings.all(row.id) as RepositoryLine['warnings'],
  }))));

  let servers = 0;
  let tools = 0;
  for (const server of (db.prepare('SELECT * FROM servers ORDER BY slug').all() as ServerRow[]).filter((row) => included.has(row.repo_id))) {
    const toolLines = serverTools(db, server.id);
    writeFileSync(join(serversDir, `${server.slug}.jsonl`), lines([serverLine(db, server), ...toolLines]));
    servers++;
    tools += toolLines.length;
  }
  const manifest: SnapshotManifest = { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, classifierVersion: CLASSIFIER_VERSION, repositories: repositories.length, servers, tools };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { repositories: repositories.length, servers, tools };
}

function policiesOf(rows: { format: string; text: string }[]): ServerLine['policies'] {
  return Object.fromEntries(rows.sort((a, b) => byText(a.format, b.format)).map((row) => [row.format, row.text])) as ServerLine['policies'];
}

function serverLine(db: Catalog, row: ServerRow): ServerLine {
  return {
    kind: 'server', slug: row.slug, repository: row.repo_id, path: row.path, name: row.name, language: row.language, sdk: row.sdk,
    sdkVersion: row.sdk_version, packages: JSON.parse(row.packages) as ServerLine['packages'], assessment: JSON.parse(row.assessment) as ServerLine['assessment'],
    policies: policiesOf(db.prepare('SELECT format, text FROM server_policies WHERE server_id = ?').all(row.id) as { format: string; text: string }[]),
    dynamic: db.prepare('SELECT file, line, reason FROM dynamic_tools WHERE server_id = ? ORDER BY rowid').all(row.id) as ServerLine['dynamic'],
  };
}

function serverTools(db: Catalog, serverId: number): ToolLine[] {
  const rows = db.prepare(
    `SELECT t.id, t.slug, t.definition, t.definition_hash, c.category, c.policylayer_category, c.risk, c.tags, c.confidence, c.rules,
            c.rationale, c.classifier_version, c.policy_note, c.hash
       FROM tools t JOIN classifications c ON c.tool_id = t.id WHERE t.server_id = ? ORDER BY t.slug`,
  ).all(serverId) as ToolRow[];
  const findings = db.prepare('SELECT rule, message, category, risk, tags, evidence FROM findings WHERE tool_id = ? ORDER BY ordinal');
  const policies = db.prepare('SELECT format, text FROM tool_policies WHERE tool_id = ?');
  const examples = db.prepare('SELECT format, call, decision, reason FROM policy_examples WHERE tool_id = ? ORDER BY ordinal');
  return rows.map((row): ToolLine => ({
    kind: 'tool', slug: row.slug,
    definition: JSON.parse(row.definition) as ToolLine['definition'],
    definitionHash: row.definition_hash,
    classification: {
      category: row.category as ToolLine['classification']['category'],
      policyLayerCategory: row.policylayer_category as ToolLine['classification']['policyLayerCategory'],
      risk: row.risk as ToolLine['classification']['risk'],
      tags: JSON.parse(row.tags) as ToolLine['classification']['tags'],
      confidence: row.confidence, rules: JSON.parse(row.rules) as string[], rationale: row.rationale,
      classifierVersion: row.classifier_version, policyNote: row.policy_note, hash: row.hash,
    },
    findings: (findings.all(row.id) as { rule: string; message: string; category: string | null; risk: string | null; tags: string; evidence: string }[])
      .map((f) => ({ rule: f.rule, message: f.message, category: f.category, risk: f.risk, tags: JSON.parse(f.tags), evidence: JSON.parse(f.evidence) }) as ToolLine['findings'][number]),
    policies: policiesOf(policies.all(row.id) as { format: string; text: string }[]),
    examples: (examples.all(row.id) as { format: string; call: string; decision: string; reason: string }[])
      .map((e) => ({ format: e.format, call: JSON.parse(e.call), decision: e.decision, reason: e.reason }) as ToolLine['examples'][number]),
  }));
}
