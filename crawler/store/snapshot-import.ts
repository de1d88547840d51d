import { renameSync, rmSync } from 'node:fs';
import type { Statement } from 'better-sqlite3';
import { openCatalog, type Catalog } from './open.ts';
import { readSnapshot, type SnapshotServer } from './snapshot-read.ts';
import type { RepositoryLine, ToolLine } from './snapshot-schema.ts';

export interface SnapshotImport {
  repositories: number;
  servers: number;
  tools: number;
}

/** An INSERT of the row's keys into `table`, compiled once per key list. */
function inserter(db: Catalog): (table: string, row: Record<string, unknown>) => number {
  const statements = new Map<string, Statement>();
  return (table, row) => {
    const columns = Object.keys(row);
    const key = `${table}(${columns.join(',')})`;
    let statement = statements.get(key);
    if (!statement) {
      statement = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
      statements.set(key, statement);
    }
    return Number(statement.run(row).lastInsertRowid);
  };
}

const json = (value: unknown): string => JSON.stringify(value);

/**
 * Rebuilds the catalog at `file` from the snapshot in `dir`: the whole snapshot is validated first, then
 * written into a new database beside `file` in one transaction and moved over it, so a bad snapshot or a
 * crash leaves the previous catalog as it was. The rows are those the crawl wrote (same slugs, texts and
 * change keys), recorded under one run of their own.
 */
export function importSnapshot(dir: string, file: string, now: () => Date = () => new Date()): SnapshotImport {
  const snapshot = readSnapshot(dir);
  const temporary = `${file}.importing-${process.pid}`;
  rmSync(temporary, { force: true });
  const db = openCatalog(temporary);
  try {
    db.transaction(() => {
      const insert = inserter(db);
      const at = now().toISOString();
      const stats = { repositories: snapshot.repositories.length, servers: snapshot.servers.length, tools: snapshot.manifest.tools };
      const runId = insert('crawl_runs', { started_at: at, finished_at: at, sources: json([`import:${dir}`]), status: 'ok', stats: json(stats) });
      for (const repository of snapshot.repositories) insertRepository(insert, repository, runId);
      for (const server of snapshot.servers) insertServer(insert, server, runId);
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch (error) {
    db.close();
    rmSync(temporary, { force: true });
    throw error;
  }
  db.close();
  for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  renameSync(temporary, file);
  for (const suffix of ['-wal', '-shm']) rmSync(`${temporary}${suffix}`, { force: true });
  return { repositories: snapshot.repositories.length, servers: snapshot.servers.length, tools: snapshot.manifest.tools };
}

type Insert = ReturnType<typeof inserter>;

function insertRepository(insert: Insert, repository: RepositoryLine, runId: number): void {
  insert('repositories', {
    id: repository.id, full_name: repository.fullName, source: repository.source, url: repository.url, commit_sha: repository.commit,
    content_hash: repository.contentHash, stars: repository.stars, language: repository.language, description: repository.description,
    crawled_at: repository.crawledAt, run_id: runId, status: repository.status, error: repository.error,
  });
  for (const warning of repository.warnings) insert('extraction_warnings', { repo_id: repository.id, file: warning.file, message: warning.message });
}

function insertServer(insert: Insert, { server, tools }: SnapshotServer, runId: number): void {
  const serverId = insert('servers', {
    repo_id: server.repository, path: server.path, slug: server.slug, name: server.name, language: server.language, sdk: server.sdk,
    sdk_version: server.sdkVersion, policy: server.policies['policy-json'], assessment: json(server.assessment), packages: json(server.packages),
  });
  for (const [format, text] of Object.entries(server.policies)) insert('server_policies', { server_id: serverId, format, text });
  for (const dynamic of server.dynamic) insert('dynamic_tools', { server_id: serverId, file: dynamic.file, line: dynamic.line, reason: dynamic.reason });
  for (const tool of tools) insertTool(insert, tool, serverId, runId);
}

function insertTool(insert: Insert, tool: ToolLine, serverId: number, runId: number): void {
  const { definition, classification } = tool;
  const toolId = insert('tools', {
    server_id: serverId, slug: tool.slug, name: definition.name, title: definition.title, description: definition.description,
    input_schema: definition.inputSchema ? json(definition.inputSchema) : null, annotations: definition.annotations ? json(definition.annotations) : null,
    definition: json(definition), file: definition.file, line: definition.line, sdk: definition.sdk, style: definition.style,
    confidence: definition.confidence, definition_hash: tool.definitionHash, first_seen_run: runId, changed_run: runId,
  });
  insert('classifications', {
    tool_id: toolId, category: classification.category, policylayer_category: classification.policyLayerCategory, risk: classification.risk,
    tags: json(classification.tags), confidence: classification.confidence, rules: json(classification.rules), rationale: classification.rationale,
    classifier_version: classification.classifierVersion, policy: tool.policies['policy-json'], policy_note: classification.policyNote, hash: classification.hash,
  });
  tool.findings.forEach((finding, ordinal) => insert('findings', {
    tool_id: toolId, ordinal, rule: finding.rule, message: finding.message, category: finding.category, risk: finding.risk,
    tags: json(finding.tags), evidence: json(finding.evidence),
  }));
  for (const [format, text] of Object.entries(tool.policies)) insert('tool_policies', { tool_id: toolId, format, text });
  tool.examples.forEach((example, ordinal) => insert('policy_examples', {
    tool_id: toolId, format: example.format, ordinal, call: json(example.call), decision: example.decision, reason: example.reason,
  }));
}
