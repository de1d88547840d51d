import { createHash } from 'node:crypto';
import { CLASSIFIER_VERSION } from '../classify/index.ts';
import type { Analysis, AnalyzedServer, AnalyzedTool } from '../pipeline/analyze.ts';
import type { Catalog } from './open.ts';
import { prepared } from './prepared.ts';
import { serverSlug, toolSlugs } from './slug.ts';

/** What we know of a repository besides its files. */
export interface RepositoryInfo {
  id: string;
  fullName: string;
  source: string;
  url: string | null;
  commitSha: string | null;
  contentHash: string;
  stars: number | null;
  language: string | null;
  description: string | null;
}

export interface SaveResult {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

interface StoredTool {
  id: number;
  server_slug: string;
  slug: string;
  name: string;
  definition: string;
  definition_hash: string;
  hash: string | null;
  snapshot: string;
  risk: string | null;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Everything stored beside a tool's definition; a change in any part rewrites the tool's rows. */
function classificationSnapshot(analyzed: AnalyzedTool): string {
  const { classification, policies, examples, policyNote } = analyzed;
  return JSON.stringify({ classification, policies, examples, policyNote, version: CLASSIFIER_VERSION });
}

/**
 * Stores one repository's analysis in one transaction, writing only what changed and recording
 * each added, changed and removed tool in `tool_history`. Unchanged input writes nothing.
 */
export function saveRepository(db: Catalog, runId: number, info: RepositoryInfo, analysis: Analysis, now: string): SaveResult {
  const result: SaveResult = { added: 0, changed: 0, removed: 0, unchanged: 0 };
  db.transaction(() => {
    upsertRepository(db, runId, info, now);
    const before = new Map<string, StoredTool>();
    for (const row of storedTools(db, info.id)) before.set(`${row.server_slug}\u0000${row.slug}`, row);
    const keptServers = new Set<number>();
    const history = prepared(db, 
      `INSERT INTO tool_history (run_id, at, repo_id, server_slug, tool_slug, tool_name, change, risk_before, risk_after, before, after)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );

    for (const analyzed of analysis.servers) {
      const serverId = upsertServer(db, info, analyzed);
      keptServers.add(serverId);
      const slug = (prepared(db, 'SELECT slug FROM servers WHERE id = ?').get(serverId) as { slug: string }).slug;
      replaceDynamic(db, serverId, analyzed.dynamic);
      const slugs = toolSlugs(analyzed.tools.map((t) => t.tool.name));
      analyzed.tools.forEach((tool, index) => {
        const key = `${slug}\u0000${slugs[index]}`;
        const old = before.get(key);
        before.delete(key);
        const definition = JSON.stringify(tool.tool);
        const snapshot = classificationSnapshot(tool);
        const definitionHash = sha256(definition);
        const hash = sha256(snapshot);
        if (old && old.definition_hash === definitionHash && old.hash === hash) {
          result.unchanged++;
          return;
        }
        writeTool(db, runId, serverId, slugs[index], tool, definition, definitionHash, hash, old?.id);
        const { category, risk, tags, rules, rationale } = tool.classification;
        const after = JSON.stringify({ definition: tool.tool, classification: { category, risk, tags, rules, rationale } });
        history.run(runId, now, info.id, slug, slugs[index], tool.tool.name, old ? 'changed' : 'added', old?.risk ?? null,
          tool.classification.risk, old ? old.snapshot : null, after);
        result[old ? 'changed' : 'added']++;
      });
    }

    for (const old of before.values()) {
      history.run(runId, now, info.id, old.server_slug, old.slug, old.name, 'removed', old.risk, null, old.snapshot, null);
      prepared(db, 'DELETE FROM tools WHERE id = ?').run(old.id);
      result.removed++;
    }
    const servers = prepared(db, 'SELECT id FROM servers WHERE repo_id = ?').all(info.id) as { id: number }[];
    for (const { id } of servers) if (!keptServers.has(id)) prepared(db, 'DELETE FROM servers WHERE id = ?').run(id);
    replaceWarnings(db, info.id, analysis.extraction.warnings);
  })();
  return result;
}

/** Records a repository that could not be crawled; its previous rows stay as they were. */
export function markRepositoryFailed(db: Catalog, runId: number, info: Pick<RepositoryInfo, 'id' | 'fullName' | 'source' | 'url'>, error: string, now: string): void {
  prepared(db, 
    `INSERT INTO repositories (id, full_name, source, url, content_hash, crawled_at, run_id, status, error)
     VALUES (?, ?, ?, ?, '', ?, ?, 'failed', ?)
     ON CONFLICT (id) DO UPDATE SET status = 'failed', error = excluded.error`,
  ).run(info.id, info.fullName, info.source, info.url, now, runId, error);
}

function upsertRepository(db: Catalog, runId: number, info: RepositoryInfo, now: string): void {
  const old = prepared(db, 'SELECT * FROM repositories WHERE id = ?').get(info.id) as Record<string, unknown> | undefined;
  const same = old && old.full_name === info.fullName && old.source === info.source && old.url === info.url
    && old.commit_sha === info.commitSha && old.content_hash === info.contentHash && old.stars === info.stars
    && old.language === info.language && old.description === info.description && old.status === 'ok';
  if (same) return;
  prepared(db, 
    `INSERT INTO repositories (id, full_name, source, url, commit_sha, content_hash, stars, language, description, crawled_at, run_id, status, error)
     VALUES (@id, @fullName, @source, @url, @commitSha, @contentHash, @stars, @language, @description, @now, @runId, 'ok', NULL)
     ON CONFLICT (id) DO UPDATE SET full_name = excluded.full_name, source = excluded.source, url = excluded.url,
       commit_sha = excluded.commit_sha, content_hash = excluded.content_hash, stars = excluded.stars,
       language = excluded.language, description = excluded.description, crawled_at = excluded.crawled_at,
       run_id = excluded.run_id, status = 'ok', error = NULL`,
  ).run({ ...info, now, runId });
}

function upsertServer(db: Catalog, info: RepositoryInfo, analyzed: AnalyzedServer): number {
  const { server, policy } = analyzed;
  const assessment = JSON.stringify(analyzed.assessment);
  const packages = JSON.stringify(analyzed.packages);
  const existing = prepared(db, 'SELECT * FROM servers WHERE repo_id = ? AND path = ?').get(info.id, server.path) as
    | { id: number; name: string; language: string; sdk: string; sdk_version: string | null; policy: string; assessment: string; packages: string }
    | undefined;
  let serverId: number;
  if (existing) {
    serverId = existing.id;
    const same = existing.name === server.name && existing.language === server.language && existing.sdk === server.sdk
      && existing.sdk_version === server.sdkVersion && existing.policy === policy && existing.assessment === assessment
      && existing.packages === packages;
    if (!same) {
      prepared(db, 'UPDATE servers SET name = ?, language = ?, sdk = ?, sdk_version = ?, policy = ?, assessment = ?, packages = ? WHERE id = ?')
        .run(server.name, server.language, server.sdk, server.sdkVersion, policy, assessment, packages, serverId);
    }
  } else {
    const taken = (candidate: string): boolean => prepared(db, 'SELECT 1 FROM servers WHERE slug = ?').get(candidate) !== undefined;
    const slug = serverSlug(info.fullName, server.path, `${info.id}/${server.path}`, taken);
    serverId = Number(db
      .prepare('INSERT INTO servers (repo_id, path, slug, name, language, sdk, sdk_version, policy, assessment, packages) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(info.id, server.path, slug, server.name, server.language, server.sdk, server.sdkVersion, policy, assessment, packages).lastInsertRowid);
  }
  replaceServerPolicies(db, serverId, analyzed.policies);
  return serverId;
}

function replaceServerPolicies(db: Catalog, serverId: number, policies: AnalyzedServer['policies']): void {
  const old = prepared(db, 'SELECT format, text FROM server_policies WHERE server_id = ? ORDER BY format').all(serverId);
  const next = Object.entries(policies).sort(([a], [b]) => a.localeCompare(b)).map(([format, text]) => ({ format, text }));
  if (JSON.stringify(old) === JSON.stringify(next)) return;
  prepared(db, 'DELETE FROM server_policies WHERE server_id = ?').run(serverId);
  const insert = prepared(db, 'INSERT INTO server_policies (server_id, format, text) VALUES (?, ?, ?)');
  for (const { format, text } of next) insert.run(serverId, format, text);
}

function writeTool(
  db: Catalog, runId: number, serverId: number, slug: string, analyzed: AnalyzedTool,
  definition: string, definitionHash: string, hash: string, existingId: number | undefined,
): void {
  const { tool, classification } = analyzed;
  const values = {
    serverId, slug, name: tool.name, title: tool.title, description: tool.description,
    inputSchema: tool.inputSchema ? JSON.stringify(tool.inputSchema) : null,
    annotations: tool.annotations ? JSON.stringify(tool.annotations) : null,
    definition, file: tool.file, line: tool.line, sdk: tool.sdk, style: tool.style, confidence: tool.confidence,
    definitionHash, runId,
  };
  let toolId = existingId;
  if (toolId === undefined) {
    toolId = Number(prepared(db, 
      `INSERT INTO tools (server_id, slug, name, title, description, input_schema, annotations, definition, file, line, sdk, style,
         confidence, definition_hash, first_seen_run, changed_run)
       VALUES (@serverId, @slug, @name, @title, @description, @inputSchema, @annotations, @definition, @file, @line, @sdk, @style,
         @confidence, @definitionHash, @runId, @runId)`,
    ).run(values).lastInsertRowid);
  } else {
    prepared(db, 
      `UPDATE tools SET name = @name, title = @title, description = @description, input_schema = @inputSchema,
         annotations = @annotations, definition = @definition, file = @file, line = @line, sdk = @sdk, style = @style,
         confidence = @confidence, definition_hash = @definitionHash, changed_run = @runId WHERE id = @id`,
    ).run({ ...values, id: toolId });
    for (const table of ['findings', 'tool_policies', 'policy_examples']) prepared(db, `DELETE FROM ${table} WHERE tool_id = ?`).run(toolId);
  }
  prepared(db, 
    `INSERT INTO classifications (tool_id, category, policylayer_category, risk, tags, confidence, rules, rationale,
       classifier_version, policy, policy_note, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (tool_id) DO UPDATE SET category = excluded.category, policylayer_category = excluded.policylayer_category,
       risk = excluded.risk, tags = excluded.tags, confidence = excluded.confidence, rules = excluded.rules,
       rationale = excluded.rationale, classifier_version = excluded.classifier_version, policy = excluded.policy,
       policy_note = excluded.policy_note, hash = excluded.hash`,
  ).run(toolId, classification.category, classification.policyLayerCategory, classification.risk, JSON.stringify(classification.tags),
    classification.confidence, JSON.stringify(classification.rules), classification.rationale, CLASSIFIER_VERSION,
    analyzed.policy, analyzed.policyNote, hash);
  const finding = prepared(db, 
    'INSERT INTO findings (tool_id, ordinal, rule, message, category, risk, tags, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  classification.findings.forEach((f, ordinal) => {
    finding.run(toolId, ordinal, f.rule, f.message, f.category ?? null, f.risk ?? null, JSON.stringify(f.tags), JSON.stringify(f.evidence));
  });
  const policy = prepared(db, 'INSERT INTO tool_policies (tool_id, format, text) VALUES (?, ?, ?)');
  for (const [format, text] of Object.entries(analyzed.policies)) policy.run(toolId, format, text);
  const example = prepared(db, 'INSERT INTO policy_examples (tool_id, format, ordinal, call, decision, reason) VALUES (?, ?, ?, ?, ?, ?)');
  analyzed.examples.forEach(({ format, call, decision, reason, priorCalls }, ordinal) => {
    example.run(toolId, format, ordinal, JSON.stringify(priorCalls ? { ...call, priorCalls } : call), decision, reason);
  });
}

function storedTools(db: Catalog, repoId: string): StoredTool[] {
  return prepared(db, 
    `SELECT t.id, s.slug AS server_slug, t.slug, t.name, t.definition, t.definition_hash, c.hash, c.risk,
            json_object('definition', json(t.definition), 'classification', json_object(
              'category', c.category, 'risk', c.risk, 'tags', json(c.tags), 'rules', json(c.rules), 'rationale', c.rationale)) AS snapshot
       FROM tools t JOIN servers s ON s.id = t.server_id LEFT JOIN classifications c ON c.tool_id = t.id
      WHERE s.repo_id = ?`,
  ).all(repoId) as StoredTool[];
}

function replaceDynamic(db: Catalog, serverId: number, dynamic: Analysis['servers'][number]['dynamic']): void {
  const old = prepared(db, 'SELECT file, line, reason FROM dynamic_tools WHERE server_id = ? ORDER BY file, line, reason').all(serverId);
  const next = dynamic.map(({ file, line, reason }) => ({ file, line, reason }));
  if (JSON.stringify(old) === JSON.stringify(next)) return;
  prepared(db, 'DELETE FROM dynamic_tools WHERE server_id = ?').run(serverId);
  const insert = prepared(db, 'INSERT INTO dynamic_tools (server_id, file, line, reason) VALUES (?, ?, ?, ?)');
  for (const d of next) insert.run(serverId, d.file, d.line, d.reason);
}

function replaceWarnings(db: Catalog, repoId: string, warnings: Analysis['extraction']['warnings']): void {
  const old = prepared(db, 'SELECT file, message FROM extraction_warnings WHERE repo_id = ? ORDER BY rowid').all(repoId);
  if (JSON.stringify(old) === JSON.stringify(warnings.map(({ file, message }) => ({ file, message })))) return;
  prepared(db, 'DELETE FROM extraction_warnings WHERE repo_id = ?').run(repoId);
  const insert = prepared(db, 'INSERT INTO extraction_warnings (repo_id, file, message) VALUES (?, ?, ?)');
  for (const w of warnings) insert.run(repoId, w.file, w.message);
}
