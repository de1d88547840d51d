import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { archiveStream } from './tarball.ts';
import type { FixtureRepo, RegistryEntry, World } from './world.ts';

/**
 * A local GitHub stand-in (node:http on 127.0.0.1): the REST search, repository and readme endpoints,
 * GraphQL repository batches, codeload archives and the MCP Registry, backed by a World of fixture
 * repositories. It counts requests per `x-ratelimit-resource` and injects faults on demand.
 */

export type Resource = 'core' | 'search' | 'code_search' | 'graphql' | 'archive' | 'registry';

export interface Fault {
  resource: Resource;
  /**
   * `echo-headers`: the host echoes the request's headers (Authorization first) in its error, as a
   * debugging proxy or a misconfigured GitHub Enterprise might: a 401 with a JSON message on REST, a
   * per-repository GraphQL error on the first alias of a query. `echo-headers-text`: a 400 whose
   * text/plain body is the raw header lines.
   */
  kind: 'primary' | 'secondary' | 'secondary-no-retry-after' | '429' | '502' | 'echo-headers' | 'echo-headers-text';
  /** How many requests it hits (default 1). */
  times?: number;
  /** Seconds until `x-ratelimit-reset` (primary) or `retry-after` (secondary, 429). */
  seconds?: number;
  /** Only requests whose path contains this. */
  pathIncludes?: string;
}

export interface StandInOptions {
  world: World;
  /** Added before every response, per resource (realistic latency for benchmarks). */
  latencyMs?: Partial<Record<Resource, number>>;
  /** GraphQL queries with more aliases than this answer 502, as GitHub times out on large batches. */
  graphqlMaxAliases?: number;
  /** Registry page size cap (the real one: 100). */
  registryMaxLimit?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  resource: Resource;
  status: number;
  authorization: string | undefined;
  userAgent: string | undefined;
}

export interface Hold {
  reached: Promise<void>;
  release(): void;
}

export interface StandIn {
  url: string;
  apiUrl: string;
  graphqlUrl: string;
  archiveUrl: string;
  registryUrl: string;
  /** Requests answered, per resource (304s not counted, as GitHub does not meter them). */
  counts: Record<Resource, number>;
  /** GraphQL points spent. */
  graphqlPoints: number;
  /** `owner/repo@sha` of every archive served in full or in part. */
  archives: string[];
  requests: RecordedRequest[];
  inject(fault: Fault): void;
  /**
   * Holds requests to `resource` (whose path contains `pathIncludes`) unanswered until released:
   * `reached` resolves when the first one arrives, so a test knows the crawler is mid-run.
   */
  hold(resource: Resource, pathIncludes?: string): Hold;
  /** Drops every pending fault. */
  clearFaults(): void;
  resetCounts(): void;
  close(): Promise<void>;
}

const LIMITS: Record<Resource, number> = { core: 5000, search: 30, code_search: 10, graphql: 5000, archive: 0, registry: 0 };
const METERED = new Set<Resource>(['core', 'search', 'code_search', 'graphql']);

export async function startStandIn(options: StandInOptions): Promise<StandIn> {
  const { world } = options;
  const faults: (Fault & { left: number })[] = [];
  const holds: { resource: Resource; pathIncludes?: string; arrived: () => void; released: Promise<void> }[] = [];
  const used: Record<string, number> = {};
  const windowStart: Record<string, number> = {};
  const state: StandIn = {
    url: '', apiUrl: '', graphqlUrl: '', archiveUrl: '', registryUrl: '',
    counts: zeroCounts(), graphqlPoints: 0, archives: [], requests: [],
    inject: (fault) => faults.push({ ...fault, left: fault.times ?? 1 }),
    hold(resource, pathIncludes) {
      let arrived = (): void => {};
      let release = (): void => {};
      const reached = new Promise<void>((resolve) => (arrived = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      const entry = { resource, pathIncludes, arrived, released };
      holds.push(entry);
      return {
        reached,
        release() {
          holds.splice(holds.indexOf(entry), 1);
          release();
        },
      };
    },
    clearFaults: () => faults.splice(0, faults.length),
    resetCounts() {
      state.counts = zeroCounts();
      state.graphqlPoints = 0;
      state.archives = [];
      state.requests = [];
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };

  /** Search buckets refill every minute, the others every hour, as on GitHub. */
  function window(resource: Resource): { start: number; length: number } {
    const length = resource === 'search' || resource === 'code_search' ? 60_000 : 3600_000;
    if (windowStart[resource] === undefined || Date.now() >= windowStart[resource] + length) {
      windowStart[resource] = Date.now();
      used[resource] = 0;
    }
    return { start: windowStart[resource], length };
  }

  function rateHeaders(resource: Resource): Record<string, string> {
    if (!METERED.has(resource)) return {};
    const { start, length } = window(resource);
    const count = used[resource] ?? 0;
    return {
      'x-ratelimit-resource': resource, 'x-ratelimit-limit': String(LIMITS[resource]), 'x-ratelimit-used': String(count),
      'x-ratelimit-remaining': String(Math.max(0, LIMITS[resource] - count)), 'x-ratelimit-reset': String(Math.ceil((start + length) / 1000)),
    };
  }

  function send(res: ServerResponse, resource: Resource, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/html' : 'application/json; charset=utf-8', ...rateHeaders(resource), ...headers });
    res.end(text);
  }

  /** The pending fault for this request, if any, counted as used. */
  function takeFault(resource: Resource, path: string, kinds?: Fault['kind'][]): Fault | undefined {
    const hit = faults.find((f) => f.left > 0 && f.resource === resource && (!f.pathIncludes || path.includes(f.pathIncludes)) && (!kinds || kinds.includes(f.kind)));
    if (hit) hit.left--;
    return hit;
  }

  /** Answers with an injected fault when one is pending for this request; true when it did. */
  function fault(req: IncomingMessage, res: ServerResponse, resource: Resource, path: string): boolean {
    // GraphQL echoes come back inside an answer (graphql() below), not instead of one.
    const hit = takeFault(resource, path, resource === 'graphql' ? ['primary', 'secondary', 'secondary-no-retry-after', '429', '502'] : undefined);
    if (!hit) return false;
    const seconds = hit.seconds ?? 1;
    const base = rateHeaders(resource);
    if (hit.kind === 'primary') {
      const headers = { ...base, 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + seconds) };
      if (resource === 'graphql') send(res, resource, 200, { data: null, errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] }, headers);
      else send(res, resource, 403, { message: 'API rate limit exceeded for user ID 1.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' }, headers);
    } else if (hit.kind === 'secondary' || hit.kind === 'secondary-no-retry-after') {
      const headers = hit.kind === 'secondary' ? { ...base, 'retry-after': String(seconds) } : base;
      send(res, resource, 403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, headers);
    } else if (hit.kind === '429') {
      send(res, resource, 429, { message: 'Too Many Requests' }, { ...base, 'retry-after': String(seconds) });
    } else if (hit.kind === 'echo-headers') {
      send(res, resource, 401, { message: `Bad credentials. Request headers: ${echoedHeaders(req)}`, documentation_url: 'https://docs.github.com/rest' }, base);
    } else if (hit.kind === 'echo-headers-text') {
      res.writeHead(400, { 'content-type': 'text/plain', ...base });
      const { authorization, ...rest } = req.headers;
      res.end(`Bad request. You sent:\r\n${Object.entries({ authorization, ...rest }).map(([name, value]) => `${name}: ${String(value)}`).join('\r\n')}\r\n`);
    } else {
      send(res, resource, 502, '<html><body><h1>502 Bad Gateway</h1></body></html>', base);
    }
    return true;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const resource = resourceOf(req.method ?? 'GET', path);
    const latency = options.latencyMs?.[resource] ?? 0;
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    let status = 200;
    res.on('finish', () => {
      state.requests.push({ method: req.method ?? 'GET', path: path + url.search, resource, status: res.statusCode, authorization: req.headers.authorization, userAgent: req.headers['user-agent'] });
    });
    void status;
    if (METERED.has(resource) && !(req.headers['if-none-match'])) {
      window(resource);
      used[resource] = (used[resource] ?? 0) + 1;
      state.counts[resource]++;
    } else if (!METERED.has(resource)) {
      state.counts[resource]++;
    }
    const held = holds.find((h) => h.resource === resource && (!h.pathIncludes || path.includes(h.pathIncludes)));
    if (held) {
      held.arrived();
      await held.released;
    }
    if (fault(req, res, resource, path)) return;

    if (resource === 'graphql') return graphql(req, res);
    if (resource === 'archive') return archive(res, path);
    if (resource === 'registry') return registry(res, url);
    if (path === '/api/search/repositories') return searchRepositories(res, url);
    if (path === '/api/search/code') return searchCode(res, url);
    const readme = /^\/api\/repos\/([^/]+)\/([^/]+)\/readme$/.exec(path);
    if (readme) return readmeOf(req, res, readme[1], readme[2]);
    const repo = /^\/api\/repos\/([^/]+)\/([^/]+)$/.exec(path);
    if (repo) {
      const found = world.find(repo[1], repo[2]);
      return found ? send(res, 'core', 200, restRepo(found)) : send(res, 'core', 404, { message: 'Not Found' });
    }
    send(res, resource, 404, { message: 'Not Found' });
  }

  function searchRepositories(res: ServerResponse, url: URL): void {
    const query = parseQuery(url.searchParams.get('q') ?? '');
    const matches = world.repos.filter((r) => !r.deleted && matchesRepository(r, query)).sort((a, b) => a.databaseId - b.databaseId);
    page(res, 'search', url, matches.length, matches.map(restRepo));
  }

  function searchCode(res: ServerResponse, url: URL): void {
    const query = parseQuery(url.searchParams.get('q') ?? '');
    const filename = query.qualifiers.filename?.[0];
    const items: unknown[] = [];
    for (const repo of world.repos) {
      if (repo.deleted || !repo.headSha) continue;
      for (const [path, content] of Object.entries(repo.commits.get(repo.headSha) ?? {})) {
        const name = path.split('/').pop() ?? '';
        if (filename && name !== filename) continue;
        const text = content.toString();
        if (!inRange(String(Buffer.byteLength(text)), query.qualifiers.size?.[0], (v) => Number(v))) continue;
        if (!query.terms.every((t) => text.includes(t))) continue;
        items.push({ name, path, sha: repo.headSha, repository: restRepo(repo) });
      }
    }
    page(res, 'code_search', url, items.length, items);
  }

  /** Pages of a search result, with GitHub's 1,000-result cap. */
  function page(res: ServerResponse, resource: Resource, url: URL, total: number, items: unknown[]): void {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
    const pageNumber = Number(url.searchParams.get('page') ?? 1);
    if ((pageNumber - 1) * perPage >= 1000) return send(res, resource, 422, { message: 'Only the first 1000 search results are available' });
    const capped = items.slice(0, 1000);
    send(res, resource, 200, { total_count: total, incomplete_results: false, items: capped.slice((pageNumber - 1) * perPage, pageNumber * perPage) });
  }

  function readmeOf(req: IncomingMessage, res: ServerResponse, owner: string, name: string): void {
    const repo = world.find(owner, name);
    if (!repo?.readme) return send(res, 'core', 404, { message: 'Not Found' });
    const etag = `"${Buffer.from(repo.readme).toString('base64url').slice(0, 24)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, ...rateHeaders('core') });
      res.end();
      return;
    }
    send(res, 'core', 200, { name: 'README.md', path: 'README.md', encoding: 'base64', content: Buffer.from(repo.readme).toString('base64') }, { etag });
  }

  async function graphql(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = JSON.parse(await readBody(req)) as { query?: string };
    const query = body.query ?? '';
    const aliases = [...query.matchAll(/(\w+)\s*:\s*repository\(\s*owner:\s*"((?:[^"\\]|\\.)*)"\s*,\s*name:\s*"((?:[^"\\]|\\.)*)"\s*\)/g)];
    if (options.graphqlMaxAliases !== undefined && aliases.length > options.graphqlMaxAliases) {
      return send(res, 'graphql', 502, '<html><body><h1>502 Bad Gateway</h1>We couldn\'t respond to your request in time.</body></html>');
    }
    const data: Record<string, unknown> = {};
    const errors: unknown[] = [];
    const echo = takeFault('graphql', '/api/graphql', ['echo-headers', 'echo-headers-text']);
    for (const [index, [, alias, owner, name]] of aliases.entries()) {
      if (echo && index === 0) {
        data[alias] = null;
        errors.push({ type: 'FORBIDDEN', path: [alias], message: `Resource not accessible with the credentials sent: ${echoedHeaders(req)}` });
        continue;
      }
      const repo = world.find(JSON.parse(`"${owner}"`) as string, JSON.parse(`"${name}"`) as string);
      data[alias] = repo ? graphqlRepo(repo) : null;
      if (!repo) errors.push({ type: 'NOT_FOUND', path: [alias], locations: [{ line: 1, column: 1 }], message: `Could not resolve to a Repository with the name '${owner}/${name}'.` });
    }
    const cost = 1;
    state.graphqlPoints += cost;
    if (/\brateLimit\s*\{/.test(query)) {
      data.rateLimit = { cost, limit: 5000, remaining: 5000 - state.graphqlPoints, used: state.graphqlPoints, resetAt: new Date(Date.now() + 3600_000).toISOString() };
    }
    send(res, 'graphql', 200, errors.length > 0 ? { data, errors } : { data });
  }

  function archive(res: ServerResponse, path: string): void {
    const match = /^\/codeload\/([^/]+)\/([^/]+)\/tar\.gz\/([0-9a-f]{40})$/.exec(path);
    const repo = match ? world.find(match[1], match[2]) : undefined;
    const files = match && repo ? repo.commits.get(match[3]) : undefined;
    if (!match || !repo || !files || repo.archiveFault === 'missing') return send(res, 'archive', 404, { message: 'Not Found' });
    state.archives.push(`${repo.owner}/${repo.name}@${match[3]}`);
    res.writeHead(200, { 'content-type': 'application/x-gzip', 'content-disposition': `attachment; filename=${repo.owner}-${repo.name}-${match[3].slice(0, 7)}.tar.gz` });
    const stream = archiveStream(`${repo.owner}-${repo.name}-${match[3].slice(0, 7)}`, files, repo.archiveFault);
    stream.pipe(res);
    res.on('close', () => stream.destroy());
  }

  function registry(res: ServerResponse, url: URL): void {
    if (url.pathname !== '/registry/v0.1/servers') return send(res, 'registry', 404, { error: 'not found' });
    const since = url.searchParams.get('updated_since');
    const includeDeleted = since !== null || url.searchParams.get('include_deleted') === 'true';
    const limit = Math.min(options.registryMaxLimit ?? 100, Number(url.searchParams.get('limit') ?? 30));
    const cursor = url.searchParams.get('cursor');
    const offset = cursor ? (JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { o: number }).o : 0;
    const entries = [...world.registry]
      .filter((e) => includeDeleted || e.status !== 'deleted')
      .filter((e) => since === null || e.updatedAt > since)
      .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.name.localeCompare(b.name));
    const slice = entries.slice(offset, offset + limit);
    const next = offset + limit < entries.length ? Buffer.from(JSON.stringify({ o: offset + limit })).toString('base64url') : undefined;
    send(res, 'registry', 200, { servers: slice.map(registryServer), metadata: { count: slice.length, ...(next ? { nextCursor: next } : {}) } });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 'core', 500, { message: String(error) });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}`;
  state.apiUrl = `${state.url}/api`;
  state.graphqlUrl = `${state.url}/api/graphql`;
  state.archiveUrl = `${state.url}/codeload`;
  state.registryUrl = `${state.url}/registry`;
  return state;
}

/** The request's headers as a misbehaving host echoes them: Authorization first. */
function echoedHeaders(req: IncomingMessage): string {
  const { authorization, ...rest } = req.headers;
  return JSON.stringify({ authorization, ...rest });
}

function zeroCounts(): Record<Resource, number> {
  return { core: 0, search: 0, code_search: 0, graphql: 0, archive: 0, registry: 0 };
}

function resourceOf(method: string, path: string): Resource {
  if (path.startsWith('/codeload/')) return 'archive';
  if (path.startsWith('/registry/')) return 'registry';
  if (path === '/api/graphql' && method === 'POST') return 'graphql';
  if (path === '/api/search/code') return 'code_search';
  if (path.startsWith('/api/search/')) return 'search';
  return 'core';
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

interface Query {
  terms: string[];
  qualifiers: Record<string, string[]>;
}

/** `topic:mcp-server created:2024-01-01..2024-02-01 "quoted term" word` → terms and qualifiers. */
function parseQuery(q: string): Query {
  const query: Query = { terms: [], qualifiers: {} };
  for (const [token] of q.matchAll(/"[^"]*"|\S+/g)) {
    const qualifier = /^([a-z_]+):(.+)$/.exec(token);
    if (qualifier && !token.startsWith('"')) (query.qualifiers[qualifier[1]] ??= []).push(qualifier[2]);
    else query.terms.push(token.replace(/^"|"$/g, ''));
  }
  return query;
}

/** A GitHub range qualifier value: `A..B`, `>=A`, `>A`, `<=A`, `<A`, `A`. */
function inRange(value: string, range: string | undefined, key: (v: string) => number | string): boolean {
  if (!range) return true;
  const v = key(value);
  const between = /^(.+)\.\.(.+)$/.exec(range);
  if (between) return (between[1] === '*' || v >= key(between[1])) && (between[2] === '*' || v <= key(between[2]));
  const op = /^(>=|<=|>|<)?(.+)$/.exec(range);
  if (!op) return true;
  const bound = key(op[2]);
  switch (op[1]) {
    case '>=': return v >= bound;
    case '<=': return v <= bound;
    case '>': return v > bound;
    case '<': return v < bound;
    default: return v === bound;
  }
}

const dateKey = (value: string): number => Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);

function matchesRepository(repo: FixtureRepo, query: Query): boolean {
  const topics = query.qualifiers.topic ?? [];
  if (!topics.every((t) => repo.topics.includes(t))) return false;
  if (!(query.qualifiers.fork ?? []).includes('true') && repo.fork) return false;
  if (!inRange(repo.createdAt, query.qualifiers.created?.[0], dateKey)) return false;
  const haystack = `${repo.name} ${repo.description}`.toLowerCase();
  return query.terms.every((term) => haystack.includes(term.toLowerCase()));
}

function restRepo(repo: FixtureRepo): Record<string, unknown> {
  return {
    id: repo.databaseId, node_id: `R_${repo.databaseId}`, name: repo.name, full_name: `${repo.owner}/${repo.name}`,
    owner: { login: repo.owner }, html_url: `https://github.com/${repo.owner}/${repo.name}`, description: repo.description,
    fork: repo.fork, archived: repo.archived, created_at: repo.createdAt, stargazers_count: repo.stars,
    default_branch: repo.defaultBranch, topics: repo.topics,
  };
}

function graphqlRepo(repo: FixtureRepo): Record<string, unknown> {
  const files = repo.headSha ? repo.commits.get(repo.headSha) ?? {} : {};
  const bytes = Object.values(files).reduce((sum, f) => sum + Buffer.byteLength(f), 0);
  return {
    id: `R_${repo.databaseId}`, databaseId: repo.databaseId, nameWithOwner: `${repo.owner}/${repo.name}`,
    isArchived: repo.archived, isFork: repo.fork, isDisabled: false, isPrivate: false, pushedAt: repo.createdAt,
    stargazerCount: repo.stars, diskUsage: Math.ceil(bytes / 1024), description: repo.description, licenseInfo: null,
    defaultBranchRef: repo.headSha ? { name: repo.defaultBranch, target: { oid: repo.headSha } } : null,
  };
}

function registryServer(entry: RegistryEntry): unknown {
  return {
    server: { name: entry.name, description: entry.description, version: entry.version, ...(entry.repository ? { repository: entry.repository } : {}) },
    _meta: { 'io.modelcontextprotocol.registry/official': { status: entry.status, publishedAt: entry.publishedAt, updatedAt: entry.updatedAt, isLatest: true } },
  };
}
