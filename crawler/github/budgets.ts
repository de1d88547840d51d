import type { Clock } from './clock.ts';
import { RateLimitStop } from './errors.ts';

/** A rate-limit bucket, as GitHub names them in `x-ratelimit-resource`. */
export type Resource = 'core' | 'search' | 'code_search' | 'graphql';

/**
 * Spacing between requests per bucket, so we stay under the documented limits instead of bouncing off them.
 * search: 30 req/min authenticated — docs.github.com/rest/search/search#rate-limit
 * code_search: 10 req/min documented, 9 in a later revision; budget 9 — same page
 * graphql: 2,000 points/min secondary limit — docs.github.com/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api
 * core: 5,000 req/h primary, 900 points/min secondary per endpoint — docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api
 */
export const MIN_INTERVAL_MS: Record<Resource, number> = { core: 0, search: 2_000, code_search: 6_700, graphql: 250 };

export interface BudgetState {
  resource: string;
  limit: number | null;
  remaining: number | null;
  used: number | null;
  /** Epoch ms of `x-ratelimit-reset`. */
  resetAt: number | null;
  /** Requests this process sent to the bucket. */
  requests: number;
  /** Time spent waiting on this bucket (pacing, resets, retry-after). */
  waitedMs: number;
}

/** Budgets per `x-ratelimit-resource`, fed by response headers; waits before a request when a bucket is spent. */
export class Budgets {
  private readonly states = new Map<string, BudgetState>();
  private readonly last = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly maxWaitMs: number,
    private readonly intervals: Record<Resource, number> = MIN_INTERVAL_MS,
  ) {}

  get(resource: string): BudgetState {
    let state = this.states.get(resource);
    if (!state) {
      state = { resource, limit: null, remaining: null, used: null, resetAt: null, requests: 0, waitedMs: 0 };
      this.states.set(resource, state);
    }
    return state;
  }

  all(): BudgetState[] {
    return [...this.states.values()].sort((a, b) => a.resource.localeCompare(b.resource));
  }

  /** Paces the request and, when the bucket is known to be empty, waits for its reset (or stops). */
  async beforeRequest(resource: Resource): Promise<void> {
    const state = this.get(resource);
    if (state.remaining === 0 && state.resetAt !== null) {
      const wait = state.resetAt - this.clock.now() + 1000;
      if (wait > 0) await this.wait(resource, wait, 'bucket spent until x-ratelimit-reset');
      state.remaining = null;
    }
    const interval = this.intervals[resource] ?? 0;
    const previous = this.last.get(resource);
    if (interval > 0 && previous !== undefined) {
      const gap = previous + interval - this.clock.now();
      if (gap > 0) await this.wait(resource, gap, 'pacing');
    }
    this.last.set(resource, this.clock.now());
    state.requests++;
  }

  /** Waits `ms` on behalf of a bucket, or throws RateLimitStop when that is longer than the run allows. */
  async wait(resource: string, ms: number, reason: string): Promise<void> {
    if (ms > this.maxWaitMs) throw new RateLimitStop(resource, ms, reason);
    this.get(resource).waitedMs += ms;
    await this.clock.sleep(ms);
  }

  /** Reads `x-ratelimit-*` headers of any response. */
  record(headers: Record<string, string | number | undefined> | undefined): void {
    const resource = headers?.['x-ratelimit-resource'];
    if (typeof resource !== 'string') return;
    const state = this.get(resource);
    const number = (name: string): number | null => {
      const value = headers?.[name];
      return value === undefined || value === '' || Number.isNaN(Number(value)) ? null : Number(value);
    };
    state.limit = number('x-ratelimit-limit') ?? state.limit;
    state.remaining = number('x-ratelimit-remaining') ?? state.remaining;
    state.used = number('x-ratelimit-used') ?? state.used;
    const reset = number('x-ratelimit-reset');
    if (reset !== null) state.resetAt = reset * 1000;
  }
}
