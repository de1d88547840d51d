import { Octokit, RequestError } from 'octokit';
import type { z } from 'zod';
import { Budgets, MIN_INTERVAL_MS, type Resource } from './budgets.ts';
import { realClock, type Clock } from './clock.ts';
import { resolveEndpoints, USER_AGENT, type Endpoints } from './endpoints.ts';
import { HttpStatusError, RateLimitStop } from './errors.ts';
import { redactSecrets, registerSecret } from './redact.ts';

/** Secondary limits without `retry-after`: wait at least a minute (docs: best-practices-for-using-the-rest-api). */
const SECONDARY_FALLBACK_MS = 60_000;
/** Server errors and timeouts: (n+1)² s, as @octokit/plugin-retry does. */
const backoffMs = (attempt: number): number => (attempt + 1) ** 2 * 1000;

export interface GitHubClientOptions {
  /** From GITHUB_TOKEN; kept inside the Octokit instance, never printed, logged or stored. */
  token: string;
  endpoints?: Endpoints;
  clock?: Clock;
  /** Retries per request on limits and server errors (bounded). */
  maxRetries?: number;
  /** The longest single wait on a limit before the run stops at a checkpoint instead. */
  maxWaitMs?: number;
  /** Spacing per bucket; benchmarks lower it, the default follows GitHub's documented limits. */
  intervals?: Record<Resource, number>;
  /** Per-request timeout. */
  timeoutMs?: number;
  log?: (message: string) => void;
}

export interface RequestOptions {
  /** Do not retry 5xx and timeouts: the caller shrinks its request instead (GraphQL sweep). */
  noServerRetry?: boolean;
  /** Extra request headers (If-None-Match). */
  headers?: Record<string, string>;
}

export interface GitHubClient {
  endpoints: Endpoints;
  budgets: Budgets;
  clock: Clock;
  /** GET a REST route under the API URL; the body is parsed with `schema`. Returns null on 304. */
  get<T>(path: string, query: Record<string, string | number>, schema: z.ZodType<T>, options?: RequestOptions): Promise<{ data: T; etag?: string } | null>;
  /** POST a GraphQL query; returns the raw envelope parsed with `schema` (data and errors, for partial results). */
  graphql<T>(query: string, schema: z.ZodType<T>, options?: RequestOptions): Promise<T>;
  /** Retries a plain-HTTP call (archive host, registry) with the same rules, without credentials. */
  fetch(url: string, init?: { headers?: Record<string, string> }): Promise<Response>;
}

type Decision = { retry: true; waitMs: number; reason: string } | { retry: false };

function resourceOf(url: string, graphqlUrl: string): Resource {
  if (url.startsWith(graphqlUrl)) return 'graphql';
  if (url.includes('/search/code')) return 'code_search';
  if (url.includes('/search/')) return 'search';
  return 'core';
}

/**
 * What to do with a failed answer (docs: rate-limits-for-the-rest-api § Exceeding the rate limit):
 * primary limit → wait until x-ratelimit-reset; secondary → retry-after, else at least a minute;
 * 429 → retry-after or a minute; 5xx and network errors → backoff. Anything else is final.
 */
function decide(status: number | null, headers: Record<string, string | undefined>, message: string, now: number, attempt: number, noServerRetry: boolean): Decision {
  const retryAfter = headers['retry-after'] !== undefined ? Number(headers['retry-after']) * 1000 : null;
  if (status === 403 || status === 429 || (status === 200 && /rate limit/i.test(message))) {
    if (headers['x-ratelimit-remaining'] === '0' && headers['x-ratelimit-reset']) {
      return { retry: true, waitMs: Math.max(0, Number(headers['x-ratelimit-reset']) * 1000 - now) + 1000, reason: 'primary limit' };
    }
    if (retryAfter !== null && !Number.isNaN(retryAfter)) return { retry: true, waitMs: retryAfter, reason: 'retry-after' };
    if (status === 429 || /secondary rate|abuse/i.test(message)) return { retry: true, waitMs: SECONDARY_FALLBACK_MS * 2 ** attempt, reason: 'secondary limit' };
    return { retry: false };
  }
  if (status === null || status >= 500) {
    if (noServerRetry) return { retry: false };
    return { retry: true, waitMs: backoffMs(attempt), reason: status === null ? 'network error' : `HTTP ${status}` };
  }
  return { retry: false };
}

function headersOf(error: unknown): Record<string, string | undefined> {
  if (error instanceof RequestError) return (error.response?.headers ?? {}) as Record<string, string | undefined>;
  return {};
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const endpoints = options.endpoints ?? resolveEndpoints();
  const clock = options.clock ?? realClock;
  const maxRetries = options.maxRetries ?? 3;
  const budgets = new Budgets(clock, options.maxWaitMs ?? 15 * 60_000, options.intervals ?? MIN_INTERVAL_MS);
  registerSecret(options.token);
  const log = options.log ?? (() => {});
  const timeoutMs = options.timeoutMs ?? 60_000;
  const quiet = { debug: () => {}, info: () => {}, warn: (m: string) => log(redactSecrets(m)), error: (m: string) => log(redactSecrets(m)) };
  // The plugins' own throttling and retry use wall-clock timers and process-wide Bottleneck groups;
  // the hook below applies the same rules through an injectable clock and per-bucket budgets.
  const octokit = new Octokit({
    auth: options.token, baseUrl: endpoints.apiUrl, userAgent: USER_AGENT, log: quiet,
    throttle: { enabled: false }, retry: { enabled: false },
  });

  octokit.hook.wrap('request', async (request, requestOptions) => {
    const url = String(requestOptions.url);
    const resource = resourceOf(url, endpoints.graphqlUrl);
    const noServerRetry = (requestOptions.request as { noServerRetry?: boolean } | undefined)?.noServerRetry === true;
    for (let attempt = 0; ; attempt++) {
      await budgets.beforeRequest(resource);
      let decision: Decision;
      let failure: unknown;
      try {
        const response = await request({ ...requestOptions, request: { ...requestOptions.request, signal: AbortSignal.timeout(timeoutMs) } });
        budgets.record(response.headers as Record<string, string>);
        const errors = resource === 'graphql' ? (response.data as { errors?: { type?: string; message?: string }[] })?.errors : undefined;
        const limited = errors?.find((e) => e.type === 'RATE_LIMITED');
        if (!limited) return response;
        failure = new HttpStatusError(200, url, 'GraphQL RATE_LIMITED');
        decision = decide(403, { ...(response.headers as Record<string, string>), 'x-ratelimit-remaining': '0' }, limited.message ?? 'rate limit', clock.now(), attempt, noServerRetry);
      } catch (error) {
        if (error instanceof RequestError && error.status === 304) throw error;
        budgets.record(headersOf(error));
        failure = error;
        const status = error instanceof RequestError ? error.status : null;
        const message = error instanceof Error ? error.message : String(error);
        decision = decide(status === 500 && /aborted|timeout|fetch failed/i.test(message) ? null : status, headersOf(error), message, clock.now(), attempt, noServerRetry);
      }
      if (!decision.retry || attempt >= maxRetries) throw failure;
      log(`${resource}: ${decision.reason}, retrying in ${Math.round(decision.waitMs / 1000)} s (attempt ${attempt + 1} of ${maxRetries})`);
      await budgets.wait(resource, decision.waitMs, decision.reason);
    }
  });

  return {
    endpoints, budgets, clock,
    async get(path, query, schema, requestOptions = {}) {
      try {
        const response = await octokit.request(`GET ${path}`, { ...query, headers: requestOptions.headers });
        return { data: schema.parse(response.data), etag: (response.headers as Record<string, string>).etag };
      } catch (error) {
        if (error instanceof RequestError && error.status === 304) return null;
        throw asHttpError(error, `${endpoints.apiUrl}${path}`);
      }
    },
    async graphql(query, schema, requestOptions = {}) {
      try {
        const response = await octokit.request({ method: 'POST', url: endpoints.graphqlUrl, query, request: { noServerRetry: requestOptions.noServerRetry } } as never);
        return schema.parse((response as { data: unknown }).data);
      } catch (error) {
        throw asHttpError(error, endpoints.graphqlUrl);
      }
    },
    async fetch(url, init = {}) {
      const host = new URL(url).host;
      for (let attempt = 0; ; attempt++) {
        let response: Response | null = null;
        let failure: unknown;
        try {
          response = await fetch(url, { headers: { 'user-agent': USER_AGENT, ...init.headers }, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
          if (response.ok || response.status === 304) return response;
          failure = new HttpStatusError(response.status, url);
        } catch (error) {
          failure = error;
        }
        const headers = response ? Object.fromEntries(response.headers.entries()) : {};
        const decision = decide(response?.status ?? null, headers, '', clock.now(), attempt, false);
        await response?.body?.cancel().catch(() => {});
        if (!decision.retry || attempt >= maxRetries) throw failure instanceof Error ? failure : new Error(String(failure));
        log(`${host}: ${decision.reason}, retrying in ${Math.round(decision.waitMs / 1000)} s`);
        await budgets.wait(host, decision.waitMs, decision.reason);
      }
    },
  };
}

/**
 * Octokit errors carry the request (with a redacted token) and the server's body; we keep only status,
 * URL and the start of the server's message, redacted before it is cut (a host may echo our Authorization
 * header; a cut token would no longer match).
 * Any other error keeps its class (RateLimitStop stops the run) with its message and stack redacted.
 */
function asHttpError(error: unknown, url: string): Error {
  if (error instanceof HttpStatusError || error instanceof RateLimitStop) return error;
  if (error instanceof RequestError) return new HttpStatusError(error.status, url, redactSecrets(error.message).split(' - ')[0].slice(0, 200));
  if (!(error instanceof Error)) return new Error(redactSecrets(String(error)));
  error.message = redactSecrets(error.message);
  if (error.stack) error.stack = redactSecrets(error.stack);
  return error;
}
