import { z } from 'zod';
import type { GitHubClient } from './client.ts';
import { HttpStatusError } from './errors.ts';
import { redactSecrets } from './redact.ts';

/** The sweep fragment's fields (reference note 1.6): metadata and the change key, about 1 point per 100. */
export const SweptRepository = z.object({
  id: z.string(),
  databaseId: z.number(),
  nameWithOwner: z.string(),
  isArchived: z.boolean().optional(),
  isFork: z.boolean().optional(),
  isDisabled: z.boolean().optional(),
  isPrivate: z.boolean().optional(),
  stargazerCount: z.number().optional(),
  diskUsage: z.number().nullish(),
  description: z.string().nullish(),
  defaultBranchRef: z.object({ name: z.string(), target: z.object({ oid: z.string() }).nullish() }).nullish(),
});
export type SweptRepository = z.infer<typeof SweptRepository>;

export const SweepResponse = z.object({
  data: z.record(z.string(), z.unknown()).nullish(),
  errors: z.array(z.object({ type: z.string().optional(), path: z.array(z.union([z.string(), z.number()])).optional(), message: z.string() })).optional(),
});
export type SweepResponse = z.infer<typeof SweepResponse>;

const RateLimit = z.object({ cost: z.number(), remaining: z.number(), resetAt: z.string() });

const FRAGMENT = `fragment R on Repository {
  id databaseId nameWithOwner isArchived isFork isDisabled isPrivate stargazerCount diskUsage description
  defaultBranchRef { name target { oid } }
}`;

/** "first/last must be 1–100"; a flat batch of 100 repositories costs about 1 point — reference note 1.6. */
export const MAX_SWEEP_BATCH = 100;

/** What the sweep learned of one `owner/name`. */
export type SweepResult =
  | { fullName: string; kind: 'found'; repository: SweptRepository }
  | { fullName: string; kind: 'missing' }
  | { fullName: string; kind: 'error'; message: string };

export interface SweepStats {
  queries: number;
  points: number;
  shrunk: number;
}

/** One aliased query over up to 100 repositories; per-alias errors come back as partial data. */
export async function sweepBatch(client: GitHubClient, names: string[], stats: SweepStats): Promise<SweepResult[]> {
  const aliases = names.map((fullName, index) => {
    const [owner, name] = fullName.split('/');
    return `r${index}: repository(owner: ${JSON.stringify(owner)}, name: ${JSON.stringify(name)}) { ...R }`;
  });
  const query = `${FRAGMENT}\nquery {\n${aliases.join('\n')}\nrateLimit { cost remaining resetAt }\n}`;
  const response = await client.graphql(query, SweepResponse, { noServerRetry: true });
  stats.queries++;
  const rateLimit = RateLimit.safeParse(response.data?.rateLimit);
  if (rateLimit.success) {
    stats.points += rateLimit.data.cost;
    const budget = client.budgets.get('graphql');
    budget.remaining = rateLimit.data.remaining;
    budget.resetAt = Date.parse(rateLimit.data.resetAt);
  }
  // GraphQL error messages are the server's text: redacted before they become our messages.
  if (!response.data) throw new Error(`GraphQL answered without data: ${redactSecrets(response.errors?.[0]?.message ?? 'no message').slice(0, 300)}`);
  return names.map((fullName, index): SweepResult => {
    const alias = `r${index}`;
    const error = response.errors?.find((e) => e.path?.[0] === alias);
    const value = response.data?.[alias];
    if (value === null || value === undefined) {
      if (!error || error.type === 'NOT_FOUND') return { fullName, kind: 'missing' };
      return { fullName, kind: 'error', message: redactSecrets(`${error.type ?? 'error'}: ${error.message}`).slice(0, 300) };
    }
    const parsed = SweptRepository.safeParse(value);
    return parsed.success ? { fullName, kind: 'found', repository: parsed.data } : { fullName, kind: 'error', message: 'unexpected repository shape' };
  });
}

const isServerFailure = (error: unknown): boolean =>
  (error instanceof HttpStatusError && error.status >= 500) || (error instanceof Error && /timeout|aborted|fetch failed|socket/i.test(error.message));

/**
 * Sweeps every name in batches of at most 100, halving the batch on 502 or timeout (as Renovate's
 * datasource-fetcher does); a single repository that still fails is reported as an error, not retried forever.
 */
export async function sweep(client: GitHubClient, names: string[], onBatch: (results: SweepResult[]) => void, options: { maxBatch?: number } = {}): Promise<SweepStats> {
  const stats: SweepStats = { queries: 0, points: 0, shrunk: 0 };
  let size = Math.min(options.maxBatch ?? MAX_SWEEP_BATCH, MAX_SWEEP_BATCH);
  let index = 0;
  while (index < names.length) {
    const batch = names.slice(index, index + size);
    let results: SweepResult[];
    try {
      results = await sweepBatch(client, batch, stats);
    } catch (error) {
      if (!isServerFailure(error)) throw error;
      if (size > 1) {
        size = Math.ceil(size / 2);
        stats.shrunk++;
        continue;
      }
      results = [{ fullName: batch[0], kind: 'error', message: error instanceof Error ? error.message : String(error) }];
    }
    onBatch(results);
    index += batch.length;
  }
  return stats;
}
