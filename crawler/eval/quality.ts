import type { Catalog } from '../store/open.ts';

/**
 * PolicyLayer's published distribution over its catalog (224,112 tools): 61% Read, 21% Write, 9.6%
 * Execute, 7.8% Destructive or Financial (from its public tool catalog; issue 12).
 */
export const POLICYLAYER_PUBLISHED = { tools: 224_112, share: { Read: 0.61, Write: 0.21, Execute: 0.096, 'Destructive or Financial': 0.078 } } as const;

/** Below this confidence a tool's classification or extraction is counted as low confidence. */
export const LOW_CONFIDENCE = 0.5;

/**
 * Why a server has no tool: generated at run time from a description (OpenAPI, a remote list: truly
 * dynamic), built by code the extractor could not follow (a loop, a computed name, a list handler: maybe
 * static after all), a framework no extractor reads, or no registration at all (a client, a library).
 */
export type ZeroToolReason = 'dynamic: generated' | 'dynamic: built in code' | 'framework not supported' | 'not a server';

/** Why a repository yielded no server: its manifests name no MCP dependency, or they do and nothing was recognised. */
export type NoServerReason = 'not a server (no MCP dependency)' | 'MCP dependency, no registration recognised' | 'not recorded';

function noServerReason(note: string | null): NoServerReason {
  if (note === null) return 'not recorded';
  return /no manifest names an MCP dependency/.test(note) ? 'not a server (no MCP dependency)' : 'MCP dependency, no registration recognised';
}

/** Dynamic records whose tools come from a description or another server, never from the code itself. */
const GENERATED = /openapi|swagger|tools_generated|graphql|proxy|remote|inventory|another server/i;

export interface ServerQuality {
  server: string;
  repository: string;
  path: string;
  sdk: string;
  tools: number;
  /** Tools to review: unknown category, low confidence (either kind) or a name not resolved statically. */
  problems: number;
  unknown: number;
  lowConfidence: number;
  unresolvedNames: number;
  dynamic: number;
  /** How many of its dynamic records are generated from a description. */
  generated: number;
  zeroToolReason: ZeroToolReason | null;
}

export interface QualityFigures {
  repositories: {
    total: number;
    failed: { repository: string; error: string | null }[];
    /** Repositories that yielded no server, with the pipeline's note on why (see pipeline/mcp-dependencies.ts). */
    withoutServers: { repository: string; reason: NoServerReason; note: string | null }[];
    withoutServersByReason: Record<NoServerReason, number>;
  };
  serversPerRepository: Record<string, number>;
  servers: number;
  tools: number;
  zeroToolServers: {
    count: number; share: number;
    /** Not counting any server with a dynamic record. */
    excludingDynamic: number; shareExcludingDynamic: number;
    /** Not counting only those generated from a description (the strict reading). */
    excludingGenerated: number; shareExcludingGenerated: number;
    byReason: Record<ZeroToolReason, number>;
    servers: { server: string; reason: ZeroToolReason; dynamic: string | null }[];
  };
  unknownCategoryRate: number;
  lowConfidenceRate: { classification: number; extraction: number };
  unresolvedNameRate: number;
  missingDescriptionRate: number;
  extractionWarnings: { total: number; repositories: number; byKind: Record<string, number> };
  categories: Record<string, number>;
  risks: Record<string, number>;
  policyLayer: { ours: Record<string, number>; published: typeof POLICYLAYER_PUBLISHED };
  /** Servers with no tool first (see worseFirst), then those with the most tools to review. */
  worstServers: ServerQuality[];
  /** Servers with tools, by how many of them need a review. */
  mostToReview: ServerQuality[];
}

const share = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);

/** Servers per repository, bucketed: 0, 1, 2, 3-5, 6-10, 11+. */
function bucket(count: number): string {
  if (count <= 2) return String(count);
  if (count <= 5) return '3-5';
  return count <= 10 ? '6-10' : '11+';
}

/** SDK styles no extractor reads; a server of one has no tools because of it. */
const UNSUPPORTED_SDK = /^unknown$/;

/** What kind of warning a message is: its words up to the first colon or number. */
function warningKind(message: string): string {
  return message.replace(/\d+/g, 'N').split(':').slice(0, message.startsWith('skipped') ? 2 : 1).join(':').slice(0, 80).trim();
}

function grouped(db: Catalog, column: string): Record<string, number> {
  const rows = db.prepare(`SELECT ${column} AS k, count(*) AS n FROM classifications GROUP BY ${column} ORDER BY n DESC, k`).all() as { k: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.k, r.n]));
}

/**
 * Figures to watch when no label exists (issue 12): how many servers each repository yields, servers with
 * no tool and why, the rates of unknown categories, low confidence, unresolved names and missing
 * descriptions, extraction warnings, and our distribution beside PolicyLayer's published one. The worst
 * servers are those with the most tools to review (servers with no tool and no dynamic record first).
 */
export function qualityFigures(db: Catalog, worst = 10): QualityFigures {
  const servers = perServer(db);
  const tools = servers.reduce((sum, s) => sum + s.tools, 0);
  const repositories = db.prepare('SELECT id, full_name, status, error FROM repositories ORDER BY full_name').all() as { id: string; full_name: string; status: string; error: string | null }[];
  const serverCounts = new Map<string, number>();
  for (const row of db.prepare('SELECT repo_id, count(*) AS n FROM servers GROUP BY repo_id').all() as { repo_id: string; n: number }[]) serverCounts.set(row.repo_id, row.n);
  const perRepository: Record<string, number> = { '0': 0, '1': 0, '2': 0, '3-5': 0, '6-10': 0, '11+': 0 };
  for (const repository of repositories) perRepository[bucket(serverCounts.get(repository.id) ?? 0)]++;
  const zero = servers.filter((s) => s.zeroToolReason !== null);
  const byReason: Record<ZeroToolReason, number> = { 'dynamic: generated': 0, 'dynamic: built in code': 0, 'framework not supported': 0, 'not a server': 0 };
  for (const server of zero) byReason[server.zeroToolReason as ZeroToolReason]++;
  const notDynamic = byReason['framework not supported'] + byReason['not a server'];
  const firstDynamic = db.prepare('SELECT d.reason FROM dynamic_tools d JOIN servers s ON s.id = d.server_id WHERE s.slug = ? ORDER BY d.rowid LIMIT 1');
  const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
  const warnings = db.prepare('SELECT repo_id, message FROM extraction_warnings').all() as { repo_id: string; message: string }[];
  const byKind: Record<string, number> = {};
  for (const warning of warnings) byKind[warningKind(warning.message)] = (byKind[warningKind(warning.message)] ?? 0) + 1;
  const policyLayer = grouped(db, 'policylayer_category');
  const note = db.prepare("SELECT message FROM extraction_warnings WHERE repo_id = ? AND message LIKE 'no MCP server found:%' LIMIT 1").pluck();
  const withoutServers = repositories.filter((r) => r.status !== 'failed' && !serverCounts.has(r.id)).map((r) => {
    const text = (note.get(r.id) as string | undefined) ?? null;
    return { repository: r.full_name, reason: noServerReason(text), note: text };
  });
  const withoutServersByReason: Record<NoServerReason, number> = { 'not a server (no MCP dependency)': 0, 'MCP dependency, no registration recognised': 0, 'not recorded': 0 };
  for (const repository of withoutServers) withoutServersByReason[repository.reason]++;
  return {
    repositories: {
      total: repositories.length,
      failed: repositories.filter((r) => r.status === 'failed').map((r) => ({ repository: r.full_name, error: r.error })),
      withoutServers,
      withoutServersByReason,
    },
    serversPerRepository: perRepository,
    servers: servers.length,
    tools,
    zeroToolServers: {
      count: zero.length, share: share(zero.length, servers.length),
      excludingDynamic: notDynamic, shareExcludingDynamic: share(notDynamic, servers.length),
      excludingGenerated: zero.length - byReason['dynamic: generated'], shareExcludingGenerated: share(zero.length - byReason['dynamic: generated'], servers.length),
      byReason,
      servers: zero.map((s) => ({ server: s.server, reason: s.zeroToolReason as ZeroToolReason, dynamic: (firstDynamic.get(s.server) as { reason: string } | undefined)?.reason ?? null })),
    },
    unknownCategoryRate: share(count("SELECT count(*) AS n FROM classifications WHERE category = 'unknown'"), tools),
    lowConfidenceRate: {
      classification: share(count(`SELECT count(*) AS n FROM classifications WHERE confidence < ${LOW_CONFIDENCE}`), tools),
      extraction: share(count(`SELECT count(*) AS n FROM tools WHERE confidence < ${LOW_CONFIDENCE}`), tools),
    },
    unresolvedNameRate: share(count("SELECT count(*) AS n FROM tools WHERE json_extract(definition, '$.nameResolved') = 0"), tools),
    missingDescriptionRate: share(count("SELECT count(*) AS n FROM tools WHERE json_extract(definition, '$.descriptionResolved') = 'none'"), tools),
    extractionWarnings: { total: warnings.length, repositories: new Set(warnings.map((w) => w.repo_id)).size, byKind },
    categories: grouped(db, 'category'),
    risks: grouped(db, 'risk'),
    policyLayer: {
      ours: {
        Read: share(policyLayer.Read ?? 0, tools), Write: share(policyLayer.Write ?? 0, tools), Execute: share(policyLayer.Execute ?? 0, tools),
        'Destructive or Financial': share((policyLayer.Destructive ?? 0) + (policyLayer.Financial ?? 0), tools),
      },
      published: POLICYLAYER_PUBLISHED,
    },
    worstServers: [...servers].sort(worseFirst).slice(0, worst),
    mostToReview: [...servers].filter((s) => s.tools > 0).sort((a, b) => b.problems - a.problems || (a.server < b.server ? -1 : 1)).slice(0, worst),
  };
}

/**
 * Servers with no tool that were not generated from a description first (most registrations the extractor
 * could not follow first), then by tools to review, then by their share.
 */
function worseFirst(a: ServerQuality, b: ServerQuality): number {
  const silent = (s: ServerQuality): number => (s.zeroToolReason !== null && s.zeroToolReason !== 'dynamic: generated' ? 1 : 0);
  return silent(b) - silent(a) || silent(a) * (b.dynamic - a.dynamic) || b.problems - a.problems
    || b.problems / Math.max(1, b.tools) - a.problems / Math.max(1, a.tools) || (a.server < b.server ? -1 : 1);
}

function perServer(db: Catalog): ServerQuality[] {
  const rows = db.prepare(
    `SELECT s.slug AS server, r.full_name AS repository, s.path, s.sdk,
            (SELECT count(*) FROM dynamic_tools d WHERE d.server_id = s.id) AS dynamic,
            count(t.id) AS tools,
            count(CASE WHEN c.category = 'unknown' THEN 1 END) AS unknown,
            count(CASE WHEN c.confidence < ${LOW_CONFIDENCE} OR t.confidence < ${LOW_CONFIDENCE} THEN 1 END) AS lowConfidence,
            count(CASE WHEN json_extract(t.definition, '$.nameResolved') = 0 THEN 1 END) AS unresolvedNames,
            count(CASE WHEN c.category = 'unknown' OR c.confidence < ${LOW_CONFIDENCE} OR t.confidence < ${LOW_CONFIDENCE}
                        OR json_extract(t.definition, '$.nameResolved') = 0 THEN 1 END) AS problems
       FROM servers s JOIN repositories r ON r.id = s.repo_id
       LEFT JOIN tools t ON t.server_id = s.id LEFT JOIN classifications c ON c.tool_id = t.id
      GROUP BY s.id ORDER BY s.slug`,
  ).all() as Omit<ServerQuality, 'zeroToolReason' | 'generated'>[];
  const reasons = db.prepare('SELECT d.reason FROM dynamic_tools d JOIN servers s ON s.id = d.server_id WHERE s.slug = ?').pluck();
  return rows.map((row) => {
    const generated = row.dynamic > 0 ? (reasons.all(row.server) as string[]).filter((reason) => GENERATED.test(reason)).length : 0;
    const server = { ...row, generated };
    return { ...server, zeroToolReason: row.tools > 0 ? null : zeroReason(server) };
  });
}

function zeroReason(server: Omit<ServerQuality, 'zeroToolReason'>): ZeroToolReason {
  if (server.generated > 0) return 'dynamic: generated';
  if (server.dynamic > 0) return 'dynamic: built in code';
  return UNSUPPORTED_SDK.test(server.sdk) ? 'framework not supported' : 'not a server';
}
