import type Database from 'better-sqlite3';
import { annotationRows, type AnnotationRow } from './annotations.ts';
import { isSafeSlug, repositoryUrl, sourceUrl, treeUrl } from './links.ts';
import { summarizeParameters, type ParameterSummary } from './parameters.ts';
import { RISK_LEVELS, compareByRisk, isRiskLevel, riskRank, type RiskLevel } from './risk.ts';
import { QUOTE_LIMIT, isPlainObject, parseJson, stringArray, truncate, type Truncated } from './text.ts';

/**
 * Data shaping for the pages: plain functions from the catalog database to page props. Routes only
 * call these. Every crawled string stays a string here; the components escape it on output.
 */

type Db = Database.Database;

/** How many other tools of the server a tool page lists before pointing at the server page. */
export const SIBLING_LIMIT = 50;

export interface Repository {
  fullName: string;
  source: string;
  /** Validated https URL, or null (local folder, or a URL we refuse to link). */
  url: string | null;
  commit: string | null;
  stars: number | null;
  language: string | null;
  description: string | null;
}

export interface Server {
  slug: string;
  name: string;
  path: string;
  language: string;
  sdk: string;
  sdkVersion: string | null;
  policy: string;
  repository: Repository;
  /** The server's folder at the crawled commit, or the repository page. */
  treeUrl: string | null;
  toolCount: number;
  /** The highest risk among its tools, or null when none is classified. */
  maxRisk: RiskLevel | null;
}

export interface ToolSummary {
  slug: string;
  name: string;
  title: string | null;
  serverSlug: string;
  serverName: string;
  risk: RiskLevel | null;
  category: string | null;
  policyLayerCategory: string | null;
  parameterCount: number;
}

export type EvidenceView =
  | { kind: 'text'; field: string; quote: Truncated; full: string }
  | { kind: 'code'; file: string; line: number; quote: Truncated; full: string; url: string | null };

export interface FindingView {
  rule: string;
  message: string;
  category: string | null;
  risk: string | null;
  tags: string[];
  evidence: EvidenceView[];
}

export interface Classification {
  category: string;
  policyLayerCategory: string;
  risk: RiskLevel | null;
  /** The raw risk text when it is not one of the four levels (shown, never trusted). */
  riskText: string;
  tags: string[];
  confidence: number;
  rules: string[];
  rationale: string;
  policy: string;
  policyNote: string;
}

export interface ToolPage {
  server: Server;
  tool: ToolSummary & {
    description: string | null;
    descriptionResolved: string | null;
    file: string;
    line: number;
    sdk: string;
    style: string;
    sourceUrl: string | null;
    extractionConfidence: number;
  };
  parameters: ParameterSummary;
  annotations: AnnotationRow[];
  classification: Classification | null;
  findings: FindingView[];
  /** Up to SIBLING_LIMIT other tools of the same server, riskiest first. */
  siblings: ToolSummary[];
  siblingCount: number;
}

export interface DynamicView {
  file: string;
  line: number;
  reason: string;
  url: string | null;
}

export interface ServerPage {
  server: Server;
  tools: ToolSummary[];
  dynamic: DynamicView[];
}

export interface HomeStats {
  repositories: number;
  servers: number;
  tools: number;
  byRisk: Record<RiskLevel, number>;
  unclassified: number;
}

interface ServerRow {
  id: number;
  slug: string;
  name: string;
  path: string;
  language: string;
  sdk: string;
  sdk_version: string | null;
  policy: string;
  full_name: string;
  source: string;
  url: string | null;
  commit_sha: string | null;
  stars: number | null;
  repo_language: string | null;
  repo_description: string | null;
}

interface ToolRow {
  id: number;
  server_id: number;
  slug: string;
  name: string;
  title: string | null;
  description: string | null;
  input_schema: string | null;
  annotations: string | null;
  definition: string;
  file: string;
  line: number;
  sdk: string;
  style: string;
  confidence: number;
  category: string | null;
  policylayer_category: string | null;
  risk: string | null;
  tags: string | null;
  class_confidence: number | null;
  rules: string | null;
  rationale: string | null;
  policy: string | null;
  policy_note: string | null;
}

interface FindingRow {
  tool_id: number;
  rule: string;
  message: string;
  category: string | null;
  risk: string | null;
  tags: string;
  evidence: string;
}

const SERVER_SQL = `
  SELECT s.id, s.slug, s.name, s.path, s.language, s.sdk, s.sdk_version, s.policy,
         r.full_name, r.source, r.url, r.commit_sha, r.stars, r.language AS repo_language, r.description AS repo_description
  FROM servers s JOIN repositories r ON r.id = s.repo_id
  ORDER BY s.slug`;

const TOOL_SQL = `
  SELECT t.id, t.server_id, t.slug, t.name, t.title, t.description, t.input_schema, t.annotations, t.definition,
         t.file, t.line, t.sdk, t.style, t.confidence,
         c.category, c.policylayer_category, c.risk, c.tags, c.confidence AS class_confidence, c.rules,
         c.rationale, c.policy, c.policy_note
  FROM tools t LEFT JOIN classifications c ON c.tool_id = t.id
  ORDER BY t.server_id, t.slug`;

function count(db: Db, sql: string): number {
  return (db.prepare(sql).get() as { n: number }).n;
}

export function loadHomeStats(db: Db): HomeStats {
  const byRisk = Object.fromEntries(RISK_LEVELS.map((level) => [level, 0])) as Record<RiskLevel, number>;
  let classified = 0;
  for (const row of db.prepare('SELECT c.risk, count(*) AS n FROM classifications c JOIN tools t ON t.id = c.tool_id GROUP BY c.risk').all() as { risk: string; n: number }[]) {
    if (isRiskLevel(row.risk)) {
      byRisk[row.risk] = row.n;
      classified += row.n;
    }
  }
  const tools = count(db, 'SELECT count(*) AS n FROM tools');
  return {
    repositories: count(db, 'SELECT count(*) AS n FROM repositories'),
    servers: count(db, 'SELECT count(*) AS n FROM servers'),
    tools,
    byRisk,
    unclassified: tools - classified,
  };
}

function toRepository(row: ServerRow): Repository {
  return {
    fullName: row.full_name,
    source: row.source,
    url: repositoryUrl(row.url),
    commit: row.commit_sha,
    stars: row.stars,
    language: row.repo_language,
    description: row.repo_description,
  };
}

function toSummary(row: ToolRow, server: { slug: string; name: string }): ToolSummary {
  return {
    slug: row.slug,
    name: row.name,
    title: row.title,
    serverSlug: server.slug,
    serverName: server.name,
    risk: isRiskLevel(row.risk) ? row.risk : null,
    category: row.category,
    policyLayerCategory: row.policylayer_category,
    parameterCount: summarizeParameters(parseJson(row.input_schema, null)).count,
  };
}

function toEvidence(value: unknown, repository: Repository): EvidenceView | null {
  if (!isPlainObject(value) || typeof value.quote !== 'string') return null;
  if (value.kind === 'text' && typeof value.field === 'string') {
    return { kind: 'text', field: value.field, quote: truncate(value.quote, QUOTE_LIMIT), full: value.quote };
  }
  if (value.kind === 'code' && typeof value.file === 'string' && typeof value.line === 'number') {
    return {
      kind: 'code', file: value.file, line: value.line, quote: truncate(value.quote, QUOTE_LIMIT), full: value.quote,
      url: sourceUrl(repository, value.file, value.line),
    };
  }
  return null;
}

function toFinding(row: FindingRow, repository: Repository): FindingView {
  const evidence = parseJson<unknown[]>(row.evidence, [], Array.isArray)
    .map((item) => toEvidence(item, repository))
    .filter((item): item is EvidenceView => item !== null);
  return {
    rule: row.rule,
    message: row.message,
    category: row.category,
    risk: row.risk,
    tags: stringArray(parseJson(row.tags, [])),
    evidence,
  };
}

function toClassification(row: ToolRow): Classification | null {
  if (row.category === null || row.policy === null) return null;
  return {
    category: row.category,
    policyLayerCategory: row.policylayer_category ?? '',
    risk: isRiskLevel(row.risk) ? row.risk : null,
    riskText: row.risk ?? '',
    tags: stringArray(parseJson(row.tags, [])),
    confidence: row.class_confidence ?? 0,
    rules: stringArray(parseJson(row.rules, [])),
    rationale: row.rationale ?? '',
    policy: row.policy,
    policyNote: row.policy_note ?? '',
  };
}

/** Servers and tools with safe slugs, grouped; rows whose slug cannot be a URL segment are skipped. */
function loadAll(db: Db) {
  const servers = new Map<number, { row: ServerRow; server: Server; tools: ToolRow[]; summaries: ToolSummary[] }>();
  for (const row of db.prepare(SERVER_SQL).all() as ServerRow[]) {
    if (!isSafeSlug(row.slug)) continue;
    const repository = toRepository(row);
    servers.set(row.id, {
      row,
      server: {
        slug: row.slug, name: row.name, path: row.path, language: row.language, sdk: row.sdk, sdkVersion: row.sdk_version,
        policy: row.policy, repository, treeUrl: treeUrl({ url: row.url, commit: row.commit_sha }, row.path), toolCount: 0, maxRisk: null,
      },
      tools: [],
      summaries: [],
    });
  }
  for (const row of db.prepare(TOOL_SQL).iterate() as IterableIterator<ToolRow>) {
    const entry = servers.get(row.server_id);
    if (!entry || !isSafeSlug(row.slug)) continue;
    entry.tools.push(row);
    entry.summaries.push(toSummary(row, entry.server));
  }
  for (const entry of servers.values()) {
    entry.summaries.sort(compareByRisk);
    entry.server.toolCount = entry.summaries.length;
    entry.server.maxRisk = entry.summaries[0]?.risk ?? null;
  }
  return servers;
}

export function loadServerPages(db: Db): ServerPage[] {
  const dynamic = new Map<number, DynamicView[]>();
  const all = loadAll(db);
  for (const row of db.prepare('SELECT server_id, file, line, reason FROM dynamic_tools ORDER BY server_id, file, line').all() as { server_id: number; file: string; line: number; reason: string }[]) {
    const entry = all.get(row.server_id);
    if (!entry) continue;
    const list = dynamic.get(row.server_id) ?? [];
    list.push({ file: row.file, line: row.line, reason: row.reason, url: sourceUrl({ url: entry.row.url, commit: entry.row.commit_sha }, row.file, row.line) });
    dynamic.set(row.server_id, list);
  }
  return [...all.entries()].map(([id, entry]) => ({ server: entry.server, tools: entry.summaries, dynamic: dynamic.get(id) ?? [] }));
}

/** Every server, riskiest first, for the server index. */
export function loadServerIndex(db: Db): Server[] {
  return [...loadAll(db).values()]
    .map((entry) => entry.server)
    .sort((a, b) => riskRank(a.maxRisk) - riskRank(b.maxRisk) || (a.slug < b.slug ? -1 : 1));
}

export function loadToolPages(db: Db): ToolPage[] {
  const findings = new Map<number, FindingRow[]>();
  for (const row of db.prepare('SELECT tool_id, rule, message, category, risk, tags, evidence FROM findings ORDER BY tool_id, ordinal').iterate() as IterableIterator<FindingRow>) {
    const list = findings.get(row.tool_id);
    if (list) list.push(row);
    else findings.set(row.tool_id, [row]);
  }
  const pages: ToolPage[] = [];
  for (const entry of loadAll(db).values()) {
    const { server } = entry;
    for (const row of entry.tools) {
      const definition = parseJson<Record<string, unknown>>(row.definition, {}, isPlainObject);
      const summary = toSummary(row, server);
      const classification = toClassification(row);
      const siblings = entry.summaries.filter((other) => other.slug !== row.slug);
      pages.push({
        server,
        tool: {
          ...summary,
          description: row.description,
          descriptionResolved: typeof definition.descriptionResolved === 'string' ? definition.descriptionResolved : null,
          file: row.file,
          line: row.line,
          sdk: row.sdk,
          style: row.style,
          sourceUrl: sourceUrl({ url: entry.row.url, commit: entry.row.commit_sha }, row.file, row.line),
          extractionConfidence: row.confidence,
        },
        parameters: summarizeParameters(parseJson(row.input_schema, null)),
        annotations: annotationRows(parseJson(row.annotations, null), definition.annotationsOrigin, row.category),
        classification,
        findings: (findings.get(row.id) ?? []).map((finding) => toFinding(finding, server.repository)),
        siblings: siblings.slice(0, SIBLING_LIMIT),
        siblingCount: siblings.length,
      });
    }
  }
  return pages;
}

/** The classified tools of each risk level, by server then name. */
export function loadRiskListings(db: Db): Record<RiskLevel, ToolSummary[]> {
  const listings = Object.fromEntries(RISK_LEVELS.map((level) => [level, [] as ToolSummary[]])) as Record<RiskLevel, ToolSummary[]>;
  for (const entry of loadAll(db).values()) {
    for (const summary of entry.summaries) if (summary.risk) listings[summary.risk].push(summary);
  }
  for (const level of RISK_LEVELS) {
    listings[level].sort((a, b) => (a.serverSlug < b.serverSlug ? -1 : a.serverSlug > b.serverSlug ? 1 : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  }
  return listings;
}
