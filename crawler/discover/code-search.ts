import { z } from 'zod';
import type { GitHubClient } from '../github/client.ts';
import type { DiscoverySource, DiscoveryPage } from './candidate.ts';

export const SearchCode = z.object({
  total_count: z.number(),
  items: z.array(z.object({ path: z.string(), repository: z.object({ id: z.number(), full_name: z.string() }) })),
});
export type SearchCode = z.infer<typeof SearchCode>;

/** Manifests that depend on an MCP SDK (reference note 1.9). */
export const MANIFEST_QUERIES = [
  '"@modelcontextprotocol/sdk" filename:package.json',
  'mcp filename:pyproject.toml',
  'fastmcp filename:requirements.txt',
  '"modelcontextprotocol/go-sdk" filename:go.mod',
  '"mark3labs/mcp-go" filename:go.mod',
  'rmcp filename:Cargo.toml',
];

const RESULT_CAP = 1000;
const PER_PAGE = 100;
/** Code search covers files under 384 KB — docs: searching-code.md. */
const MAX_INDEXED_BYTES = 384 * 1024;

/** Code search has no `created:`; slices halve the `size:` range instead (bytes). */
async function searchSizes(client: GitHubClient, query: string, low: number, high: number, emit: (page: DiscoveryPage) => void): Promise<void> {
  const q = `${query} size:${low}..${high}`;
  const first = await client.get('/search/code', { q, per_page: PER_PAGE, page: 1 }, SearchCode);
  if (!first) return;
  if (first.data.total_count > RESULT_CAP && high > low) {
    const middle = Math.floor((low + high) / 2);
    await searchSizes(client, query, low, middle, emit);
    await searchSizes(client, query, middle + 1, high, emit);
    return;
  }
  const toPage = (items: SearchCode['items']): DiscoveryPage => ({
    candidates: items.map((item) => {
      const folder = item.path.includes('/') ? item.path.slice(0, item.path.lastIndexOf('/')) : '';
      return { fullName: item.repository.full_name, databaseId: item.repository.id, ...(folder ? { subfolder: folder } : {}) };
    }),
  });
  emit(toPage(first.data.items));
  const pages = Math.ceil(Math.min(first.data.total_count, RESULT_CAP) / PER_PAGE);
  for (let page = 2; page <= pages; page++) {
    const next = await client.get('/search/code', { q, per_page: PER_PAGE, page }, SearchCode);
    if (!next || next.data.items.length === 0) break;
    emit(toPage(next.data.items));
  }
}

/**
 * Code search on manifests that depend on an MCP SDK: the slowest channel (9 req/min), run weekly when asked
 * (`--source code-search`). A manifest in a subfolder names that folder.
 */
export const codeSearchSource: DiscoverySource = {
  id: 'code-search',
  bucket: 'code_search',
  schedule: 'weekly',
  incremental: false,
  async discover(context, emit) {
    for (const query of MANIFEST_QUERIES) await searchSizes(context.client, query, 0, MAX_INDEXED_BYTES, emit);
  },
};
