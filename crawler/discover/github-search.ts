import { z } from 'zod';
import type { GitHubClient } from '../github/client.ts';
import type { Candidate, DiscoverySource, DiscoveryPage } from './candidate.ts';

/** Search results, only the fields we read. */
export const SearchRepositories = z.object({
  total_count: z.number(),
  incomplete_results: z.boolean().optional(),
  items: z.array(z.object({ id: z.number(), full_name: z.string() })),
});
export type SearchRepositories = z.infer<typeof SearchRepositories>;

/** Query families (SPEC §3.1): MCP topics, and `mcp` in name or description. */
export const REPOSITORY_QUERIES = ['topic:mcp-server', 'topic:model-context-protocol', 'mcp in:name,description'];

/** "provides up to 1,000 results for each search" — docs.github.com/rest/search/search */
const RESULT_CAP = 1000;
const PER_PAGE = 100;
/** The first MCP servers appeared late 2024; nothing older is searched on a full run. */
const EPOCH = Date.UTC(2024, 0, 1);

// `Z`, not `+00:00`: octokit sends a `+` in `q` as a space.
const stamp = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Pages through one query over a `created:` window, halving the window while it holds more than 1,000
 * results (the cap), as Sourcegraph does. Each slice's first page doubles as the count probe.
 */
export async function searchWindow(client: GitHubClient, query: string, from: number, to: number, emit: (page: DiscoveryPage) => void): Promise<void> {
  const q = `${query} created:${stamp(from)}..${stamp(to)}`;
  const first = await client.get('/search/repositories', { q, per_page: PER_PAGE, page: 1 }, SearchRepositories);
  if (!first) return;
  if (first.data.total_count > RESULT_CAP && to - from > 1000) {
    const middle = from + Math.floor((to - from) / 2000) * 1000;
    await searchWindow(client, query, from, middle, emit);
    await searchWindow(client, query, middle + 1000, to, emit);
    return;
  }
  emit({ candidates: first.data.items.map(toCandidate) });
  const pages = Math.ceil(Math.min(first.data.total_count, RESULT_CAP) / PER_PAGE);
  for (let page = 2; page <= pages; page++) {
    const next = await client.get('/search/repositories', { q, per_page: PER_PAGE, page }, SearchRepositories);
    if (!next || next.data.items.length === 0) break;
    emit({ candidates: next.data.items.map(toCandidate) });
  }
}

function toCandidate(item: { id: number; full_name: string }): Candidate {
  return { fullName: item.full_name, databaseId: item.id };
}

/** GitHub repository search on MCP topics and names; nightly runs ask only for repositories created since the last run. */
export const githubSearchSource: DiscoverySource = {
  id: 'github-search',
  bucket: 'search',
  schedule: 'nightly',
  incremental: true,
  async discover(context, emit) {
    const now = context.now().getTime();
    // A day of overlap: search indexing lags behind creation.
    const from = context.since ? Date.parse(context.since) - 24 * 3600_000 : EPOCH;
    const start = Math.floor(Math.max(EPOCH, from) / 1000) * 1000;
    for (const query of REPOSITORY_QUERIES) await searchWindow(context.client, query, start, Math.floor(now / 1000) * 1000, emit);
  },
};
