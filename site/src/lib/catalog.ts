import type Database from 'better-sqlite3';
import { annotationRows, CONTRADICTION_RULES, type AnnotationRow } from './annotations.ts';
import { toolFaq, type FaqEntry } from './faq.ts';
import { isServerSlug, isSlug } from '../../../crawler/store/slug.ts';
import { isSafeSlug, repositoryUrl, sourceUrl, treeUrl } from './links.ts';
import { summarizeParameters, type ParameterSummary } from './parameters.ts';
import { toPackages, type PackageLink } from './packages.ts';
import { policyViews, type ExampleRow, type PolicyRow, type PolicyView } from './policies.ts';
import { RISK_LEVELS, compareByRisk, isRiskLevel, riskRank, type RiskLevel } from './risk.ts';
import { QUOTE_LIMIT, isPlainObject, parseJson, stringArray, truncate, type Truncated } from './text.ts';

/**
 * Data shaping for the pages: plain functions from the catalog database to page props. Routes only
 * call these. Pages are loaded one at a time by id (prepared statements, synchronous better-sqlite3),
 * so a build holds one page's data at a time, not the whole catalog. Every crawled string stays a
 * string here; the renderers escape it on output.
 */

type Db = Database.Database;

/** How many other tools of the server a tool page lists before pointing at the server page. */
export const SIBLING_LIMIT = 50;
/** Tools per listing page (risk level, category). */
export const LISTING_PAGE_SIZE = 500;
/** Entries on the changes page. */
export const CHANGES_LIMIT = 500;
/** Findings shown as a warning at the top of a tool page. */
export const POISONING_RULES: readonly string[] = ['hasPoisonedDescription', 'hasInvisibleCharacters'];

export interface Repository {
  fullName: string;
  source: string;
  /** Validated https URL, or null (local folder, or a URL we refuse to link). */
  url: string | null;
  commit: string | null;
  stars: number | null;
  language: string | null;
  description: string | null;
  crawledAt: string | null;
}

export interface Server {
  id: number;
  slug: string;
  name: string;
  path: string;
  language: string;
  sdk: string;
  sdkVersion: string | null;
  repository: Repository;
  /** The server's folder at the crawled commit, or the repository page. */
  treeUrl: string | null;
  /** The packages it is published as, as its manifests say. */
  packages: PackageLink[];
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
  /** Every finding, with evidence. */
  findings: FindingView[];
  /** Poisoning findings (hasPoisonedDescription, hasInvisibleCharacters), shown first. */
  poisoning: FindingView[];
  /** Declared-annotation contradictions found by the classifier. */
  contradictions: FindingView[];
  policies: PolicyView[];
  faq: FaqEntry[];
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

export interface Assessment {
  risk: RiskLevel | null;
  counts: Partial<Record<RiskLevel, number>>;
  trifecta: { present: boolean; privateData: string[]; untrustedContent: string[]; externalCommunication: string[] } | null;
  notes: string[];
}

export interface ServerPage {
  server: Server;
  tools: ToolSummary[];
  dynamic: DynamicView[];
  assessment: Assessment;
  policies: PolicyView[];
}

export interface ServerListing {
  server: Server;
  toolCount: number;
  maxRisk: RiskLevel | null;
}

export interface HomeStats {
  repositories: number;
  servers: number;
  tools: number;
  byRisk: Record<RiskLevel, number>;
  unclassified: number;
  byCategory: { category: string; count: number }[];
  lastCrawl: string | null;
}

export interface ChangeView {
  at: string;
  change: 'added' | 'changed' | 'removed';
  serverSlug: string;
  toolName: string;
  riskBefore: RiskLevel | null;
  riskAfter: RiskLevel | null;
  /** The tool's page when it still exists. */
  href: { serverSlug: string; toolSlug: string } | null;
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
  assessment: string | null;
  packages: string | null;
  full_name: string;
  source: string;
  url: string | null;
  commit_sha: string | null;
  stars: number | null;
  repo_language: string | null;
  repo_description: string | null;
  crawled_at: string | null;
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

interface SummaryRow {
  slug: string;
  name: string;
  title: string | null;
  input_schema: string | null;
  category: string | null;
  policylayer_category: string | null;
  risk: string | null;
  server_slug: string;
  server_name: string;
}

interface FindingRow {
  rule: string;
  message: string;
  category: string | null;
  risk: string | null;
  tags: string;
  evidence: string;
}

const SERVER_COLUMNS = `
  s.id, s.slug, s.name, s.path, s.language, s.sdk, s.sdk_version, s.policy, s.assessment, s.packages,
  r.full_name, r.source, r.url, r.commit_sha, r.stars, r.language AS repo_language, r.description AS repo_description, r.crawled_at`;

const TOOL_COLUMNS = `
  t.id, t.server_id, t.slug, t.name, t.title, t.description, t.input_schema, t.annotations, t.definition,
  t.file, t.line, t.sdk, t.style, t.confidence,
  c.category, c.policylayer_category, c.risk, c.tags, c.confidence AS class_confidence, c.rules,
  c.rationale, c.policy, c.policy_note`;

const SUMMARY_COLUMNS = `t.slug, t.name, t.title, t.input_schema, c.category, c.policylayer_category, c.risk, s.slug AS server_slug, s.name AS server_name`;

/** Prepared once per database: a build runs each of these thousands of times. */
function prepare(db: Db) {
  return {
    server: db.prepare(`SELECT ${SERVER_COLUMNS} FROM servers s JOIN repositories r ON r.id = s.repo_id WHERE s.id = ?`),
    allServers: db.prepare(`SELECT ${SERVER_COLUMNS} FROM servers s JOIN repositories r ON r.id = s.repo_id ORDER BY s.slug`),
    serverTools: db.prepare(`SELECT ${TOOL_COLUMNS} FROM tools t LEFT JOIN classifications c ON c.tool_id = t.id WHERE t.server_id = ? ORDER BY t.slug`),
    findings: db.prepare('SELECT rule, message, category, risk, tags, evidence FROM findings WHERE tool_id = ? ORDER BY ordinal'),
    // The same, for every tool of a server at once (the bulk writer: one query per server, not per tool).
    serverFindings: db.prepare('SELECT f.tool_id, f.rule, f.message, f.category, f.risk, f.tags, f.evidence FROM findings f JOIN tools t ON t.id = f.tool_id WHERE t.server_id = ? ORDER BY f.tool_id, f.ordinal'),
    serverToolPolicies: db.prepare('SELECT p.tool_id, p.format, p.text FROM tool_policies p JOIN tools t ON t.id = p.tool_id WHERE t.server_id = ?'),
    serverToolExamples: db.prepare('SELECT e.tool_id, e.format, e.call, e.decision, e.reason FROM policy_examples e JOIN tools t ON t.id = e.tool_id WHERE t.server_id = ? ORDER BY e.tool_id, e.format, e.ordinal'),
    toolPolicies: db.prepare('SELECT format, text FROM tool_policies WHERE tool_id = ?'),
    toolExamples: db.prepare('SELECT format, call, decision, reason FROM policy_examples WHERE tool_id = ? ORDER BY format, ordinal'),
    serverPolicies: db.prepare('SELECT format, text FROM server_policies WHERE server_id = ?'),
    dynamic: db.prepare('SELECT file, line, reason FROM dynamic_tools WHERE server_id = ? ORDER BY file, line'),
  };
}
const STATEMENTS = new WeakMap<Db, ReturnType<typeof prepare>>();

function statements(db: Db): ReturnType<typeof prepare> {
  let cached = STATEMENTS.get(db);
  if (!cached) STATEMENTS.set(db, (cached = prepare(db)));
  return cached;
}

function count(db: Db, sql: string, ...params: unknown[]): number {
  return (db.prepare(sql).get(...params) as { n: number }).n;
}

function toServer(row: ServerRow): Server {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    path: row.path,
    language: row.language,
    sdk: row.sdk,
    sdkVersion: row.sdk_version,
    repository: {
      fullName: row.full_name,
      source: row.source,
      url: repositoryUrl(row.url),
      commit: row.commit_sha,
      stars: row.stars,
      language: row.repo_language,
      description: row.repo_description,
      crawledAt: row.crawled_at,
    },
    treeUrl: treeUrl({ url: row.url, commit: row.commit_sha }, row.path),
    packages: toPackages(row.packages),
  };
}

function toSummary(row: SummaryRow, parameterCount?: number): ToolSummary {
  return {
    slug: row.slug,
    name: row.name,
    title: row.title,
    serverSlug: row.server_slug,
    serverName: row.server_name,
    risk: isRiskLevel(row.risk) ? row.risk : null,
    category: row.category,
    policyLayerCategory: row.policylayer_category,
    parameterCount: parameterCount ?? summarizeParameters(parseJson(row.input_schema, null)).count,
  };
}

function toEvidence(value: unknown, repository: { url: string | null; commit: string | null }): EvidenceView | null {
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

function toFinding(row: FindingRow, repository: { url: string | null; commit: string | null }): FindingView {
  return {
    rule: row.rule,
    message: row.message,
    category: row.category,
    risk: row.risk,
    tags: stringArray(parseJson(row.tags, [])),
    evidence: parseJson<unknown[]>(row.evidence, [], Array.isArray)
      .map((item) => toEvidence(item, repository))
      .filter((item): item is EvidenceView => item !== null),
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

export function toAssessment(text: string | null): Assessment {
  const value = parseJson<Record<string, unknown>>(text, {}, isPlainObject);
  const counts: Partial<Record<RiskLevel, number>> = {};
  if (isPlainObject(value.counts)) {
    for (const level of RISK_LEVELS) if (typeof value.counts[level] === 'number') counts[level] = value.counts[level] as number;
  }
  const t = value.trifecta;
  return {
    risk: isRiskLevel(value.risk) ? value.risk : null,
    counts,
    trifecta: isPlainObject(t)
      ? { present: t.present === true, privateData: stringArray(t.privateData), untrustedContent: stringArray(t.untrustedContent), externalCommunication: stringArray(t.externalCommunication) }
      : null,
    notes: stringArray(value.notes),
  };
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
    byCategory: categoryCounts(db),
    lastCrawl: (db.prepare("SELECT max(coalesce(finished_at, started_at)) AS at FROM crawl_runs").get() as { at: string | null }).at,
  };
}

/** Categories with a safe slug, most tools first. */
export function categoryCounts(db: Db): { category: string; count: number }[] {
  return (db.prepare('SELECT c.category, count(*) AS n FROM classifications c JOIN tools t ON t.id = c.tool_id GROUP BY c.category ORDER BY n DESC, c.category').all() as { category: string; n: number }[])
    .filter((row) => isSafeSlug(row.category))
    .map((row) => ({ category: row.category, count: row.n }));
}

/** Ids and slugs of every server (the page loads the rest). */
export function serverIds(db: Db): { id: number; slug: string }[] {
  return db.prepare('SELECT id, slug FROM servers ORDER BY slug').all() as { id: number; slug: string }[];
}

/** How many stored slugs `unservableSlugs` names at most. */
const UNSERVABLE_SHOWN = 5;

/**
 * Servers and tools whose stored slug cannot be a folder name and URL segment (crawler/store/slug.ts
 * never makes one; a catalog from before migration 4 may hold them until its next crawl). The build
 * refuses such a catalog rather than leave the tools out: every page, listing, export and count of
 * the site then holds every tool of the catalog, and nothing filters them again.
 */
export function unservableSlugs(db: Db): { count: number; examples: string[] } {
  const examples: string[] = [];
  let count = 0;
  const rows = db.prepare('SELECT s.slug AS server, t.slug AS tool FROM servers s LEFT JOIN tools t ON t.server_id = s.id ORDER BY s.slug, t.slug')
    .iterate() as IterableIterator<{ server: string; tool: string | null }>;
  for (const row of rows) {
    if (isServerSlug(row.server) && (row.tool === null || isSlug(row.tool))) continue;
    count++;
    if (examples.length < UNSERVABLE_SHOWN) examples.push(JSON.stringify(row.tool === null ? row.server : `${row.server}/${row.tool}`));
  }
  return { count, examples };
}

function toolSummariesOf(rows: ToolRow[], server: Server): ToolSummary[] {
  return rows
    .map((row) => toSummary({ ...row, server_slug: server.slug, server_name: server.name }))
    .sort(compareByRisk);
}

export function loadServerPage(db: Db, id: number): ServerPage {
  const st = statements(db);
  const row = st.server.get(id) as ServerRow | undefined;
  if (!row) throw new Error(`no server with id ${id}`);
  return serverPage(db, row, st.serverTools.all(id) as ToolRow[]);
}

function serverPage(db: Db, row: ServerRow, rows: ToolRow[]): ServerPage {
  const st = statements(db);
  const server = toServer(row);
  const repo = { url: row.url, commit: row.commit_sha };
  return {
    server,
    tools: toolSummariesOf(rows, server),
    dynamic: (st.dynamic.all(row.id) as { file: string; line: number; reason: string }[]).map((d) => ({ ...d, url: sourceUrl(repo, d.file, d.line) })),
    assessment: toAssessment(row.assessment),
    policies: policyViews(st.serverPolicies.all(row.id) as PolicyRow[], [], row.policy),
  };
}

/** Every server with its tool count and highest risk, riskiest first. */
export function loadServerIndex(db: Db): ServerListing[] {
  const stats = new Map<number, { n: number; rank: number }>();
  for (const row of db.prepare('SELECT t.server_id, c.risk FROM tools t LEFT JOIN classifications c ON c.tool_id = t.id').iterate() as IterableIterator<{ server_id: number; risk: string | null }>) {
    const entry = stats.get(row.server_id) ?? { n: 0, rank: RISK_LEVELS.length };
    entry.n++;
    entry.rank = Math.min(entry.rank, riskRank(row.risk));
    stats.set(row.server_id, entry);
  }
  const rankToRisk = (rank: number): RiskLevel | null => (rank < RISK_LEVELS.length ? RISK_LEVELS[RISK_LEVELS.length - 1 - rank] : null);
  return (statements(db).allServers.all() as ServerRow[])
    .map((row) => ({ server: toServer(row), toolCount: stats.get(row.id)?.n ?? 0, maxRisk: rankToRisk(stats.get(row.id)?.rank ?? RISK_LEVELS.length) }))
    .sort((a, b) => riskRank(a.maxRisk) - riskRank(b.maxRisk) || (a.server.slug < b.server.slug ? -1 : 1));
}

/**
 * Every server page with its tool pages, one server at a time: only the current server's rows are in
 * memory, so the bulk writer's memory stays flat however large the catalog. `part`/`parts` split the
 * servers between writers (every parts-th server, from the part-th).
 */
export function* eachServerPage(db: Db, part = 0, parts = 1): Generator<{ page: ServerPage; tools: Generator<ToolPage> }> {
  const st = statements(db);
  let index = 0;
  for (const { id } of serverIds(db)) {
    if (index++ % parts !== part) continue;
    const row = st.server.get(id) as ServerRow;
    const rows = st.serverTools.all(id) as ToolRow[];
    const page = serverPage(db, row, rows);
    const repo = { url: row.url, commit: row.commit_sha };
    const related: ToolRelated = {
      findings: groupByTool(st.serverFindings.all(id) as (FindingRow & { tool_id: number })[]),
      policies: groupByTool(st.serverToolPolicies.all(id) as (PolicyRow & { tool_id: number })[]),
      examples: groupByTool(st.serverToolExamples.all(id) as (ExampleRow & { tool_id: number })[]),
    };
    yield { page, tools: (function* () { for (const tool of rows) yield toolPage(db, tool, page.server, repo, page.tools, related); })() };
  }
}

interface ToolRelated {
  findings: Map<number, FindingRow[]>;
  policies: Map<number, PolicyRow[]>;
  examples: Map<number, ExampleRow[]>;
}

function groupByTool<T extends { tool_id: number }>(rows: T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(row.tool_id);
    if (group) group.push(row);
    else groups.set(row.tool_id, [row]);
  }
  return groups;
}

/** Every tool page, one server at a time (see eachServerPage). */
export function* eachToolPage(db: Db): Generator<ToolPage> {
  for (const { tools } of eachServerPage(db)) yield* tools;
}

/** All tool pages at once: for tests and small catalogs. */
export function loadToolPages(db: Db): ToolPage[] {
  return [...eachToolPage(db)];
}

function toolPage(db: Db, row: ToolRow, server: Server, repo: { url: string | null; commit: string | null }, summaries: ToolSummary[], related?: ToolRelated): ToolPage {
  const st = statements(db);
  const definition = parseJson<Record<string, unknown>>(row.definition, {}, isPlainObject);
  const parameters = summarizeParameters(parseJson(row.input_schema, null));
  const summary = toSummary({ ...row, server_slug: server.slug, server_name: server.name }, parameters.count);
  const classification = toClassification(row);
  const findingRows = related ? related.findings.get(row.id) ?? [] : st.findings.all(row.id) as FindingRow[];
  const findings = findingRows.map((finding) => toFinding(finding, repo));
  const policyRows = related ? related.policies.get(row.id) ?? [] : st.toolPolicies.all(row.id) as PolicyRow[];
  const exampleRows = related ? related.examples.get(row.id) ?? [] : st.toolExamples.all(row.id) as ExampleRow[];
  const policies = policyViews(policyRows, exampleRows, classification?.policy ?? null);
  const siblings = summaries.filter((other) => other.slug !== row.slug);
  return {
    server,
    tool: {
      ...summary,
      description: row.description,
      descriptionResolved: typeof definition.descriptionResolved === 'string' ? definition.descriptionResolved : null,
      file: row.file,
      line: row.line,
      sdk: row.sdk,
      style: row.style,
      sourceUrl: sourceUrl(repo, row.file, row.line),
      extractionConfidence: row.confidence,
    },
    parameters,
    annotations: annotationRows(parseJson(row.annotations, null), definition.annotationsOrigin, findings),
    classification,
    findings,
    poisoning: findings.filter((finding) => POISONING_RULES.includes(finding.rule)),
    contradictions: findings.filter((finding) => CONTRADICTION_RULES.has(finding.rule)),
    policies,
    faq: classification || policies.length === 0
      ? toolFaq({
        toolName: row.name, serverName: server.name, repository: server.repository.fullName, commit: server.repository.commit,
        description: row.description, category: classification?.category ?? null, risk: classification?.risk ?? null,
        rationale: classification?.rationale ?? null, policies: classification ? policies : [],
      })
      : [],
    siblings: siblings.slice(0, SIBLING_LIMIT),
    siblingCount: siblings.length,
  };
}

export type ListingKind = 'risk' | 'category';

export interface ListingPage {
  kind: ListingKind;
  value: string;
  page: number;
  lastPage: number;
  total: number;
  tools: ToolSummary[];
}

/** The values of a listing (risk levels, or categories) with how many pages each needs. */
export function listingPaths(db: Db, kind: ListingKind): { value: string; page: number; lastPage: number }[] {
  const values = kind === 'risk'
    ? RISK_LEVELS.map((level) => ({ value: level as string, total: count(db, 'SELECT count(*) AS n FROM classifications c JOIN tools t ON t.id = c.tool_id WHERE c.risk = ?', level) }))
    : categoryCounts(db).map((row) => ({ value: row.category, total: row.count }));
  return values.flatMap(({ value, total }) => {
    const lastPage = Math.max(1, Math.ceil(total / LISTING_PAGE_SIZE));
    return Array.from({ length: lastPage }, (_, index) => ({ value, page: index + 1, lastPage }));
  });
}

/** One page of a listing, by server then tool slug. */
export function loadListing(db: Db, kind: ListingKind, value: string, page: number): ListingPage {
  const st = listingStatements(db);
  const total = (st.total.get(kind, value) as { n: number }).n;
  const start = (page - 1) * LISTING_PAGE_SIZE;
  const rows = st.page.all(kind, value, start, start + LISTING_PAGE_SIZE) as SummaryRow[];
  return {
    kind, value, page, total,
    lastPage: Math.max(1, Math.ceil(total / LISTING_PAGE_SIZE)),
    tools: rows.map(toSummary),
  };
}

const LISTINGS = new WeakMap<Db, { total: Database.Statement; page: Database.Statement }>();

/**
 * The order of every listing (risk level, category), numbered once per connection in a TEMP table
 * (allowed on a read-only connection): a page is then a range of positions. Sorting every matching
 * tool again for each page (ORDER BY … LIMIT … OFFSET) made the listings quadratic: 400 pages at
 * 100,000 tools, each sorting up to all of them.
 */
function listingStatements(db: Db): { total: Database.Statement; page: Database.Statement } {
  let cached = LISTINGS.get(db);
  if (cached) return cached;
  db.exec(`
    DROP TABLE IF EXISTS temp.listing_order;
    CREATE TEMP TABLE listing_order (kind TEXT NOT NULL, value TEXT NOT NULL, pos INTEGER NOT NULL, tool_id INTEGER NOT NULL, PRIMARY KEY (kind, value, pos)) WITHOUT ROWID;
    INSERT INTO temp.listing_order
      SELECT 'risk', c.risk, row_number() OVER (PARTITION BY c.risk ORDER BY s.slug, t.slug) - 1, t.id
      FROM tools t JOIN classifications c ON c.tool_id = t.id JOIN servers s ON s.id = t.server_id WHERE c.risk IS NOT NULL;
    INSERT INTO temp.listing_order
      SELECT 'category', c.category, row_number() OVER (PARTITION BY c.category ORDER BY s.slug, t.slug) - 1, t.id
      FROM tools t JOIN classifications c ON c.tool_id = t.id JOIN servers s ON s.id = t.server_id WHERE c.category IS NOT NULL;`);
  cached = {
    total: db.prepare('SELECT count(*) AS n FROM temp.listing_order WHERE kind = ? AND value = ?'),
    page: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM temp.listing_order o JOIN tools t ON t.id = o.tool_id JOIN classifications c ON c.tool_id = t.id JOIN servers s ON s.id = t.server_id
      WHERE o.kind = ? AND o.value = ? AND o.pos >= ? AND o.pos < ? ORDER BY o.pos`),
  };
  LISTINGS.set(db, cached);
  return cached;
}

/** The most recent tool changes across crawls, newest first. */
export function loadChanges(db: Db, limit = CHANGES_LIMIT): ChangeView[] {
  const exists = db.prepare('SELECT 1 FROM tools t JOIN servers s ON s.id = t.server_id WHERE s.slug = ? AND t.slug = ?');
  const rows = db.prepare('SELECT at, change, server_slug, tool_slug, tool_name, risk_before, risk_after FROM tool_history ORDER BY at DESC, id DESC LIMIT ?').all(limit) as
    { at: string; change: ChangeView['change']; server_slug: string; tool_slug: string; tool_name: string; risk_before: string | null; risk_after: string | null }[];
  return rows.map((row) => ({
    at: row.at,
    change: row.change,
    serverSlug: row.server_slug,
    toolName: row.tool_name,
    riskBefore: isRiskLevel(row.risk_before) ? row.risk_before : null,
    riskAfter: isRiskLevel(row.risk_after) ? row.risk_after : null,
    href: row.change !== 'removed' && isSafeSlug(row.server_slug) && isSafeSlug(row.tool_slug) && exists.get(row.server_slug, row.tool_slug)
      ? { serverSlug: row.server_slug, toolSlug: row.tool_slug }
      : null,
  }));
}
