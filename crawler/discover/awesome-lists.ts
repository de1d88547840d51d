import { z } from 'zod';
import { parseGitHubRepository, type Candidate, type DiscoverySource } from './candidate.ts';

export const Readme = z.object({ content: z.string(), encoding: z.string() });
export type Readme = z.infer<typeof Readme>;

/** Lists whose READMEs link MCP server repositories (reference note 1.9). */
export const AWESOME_LISTS = ['punkpeye/awesome-mcp-servers', 'wong2/awesome-mcp-servers', 'appcypher/awesome-mcp-servers', 'modelcontextprotocol/servers'];

/** Every github.com repository link in a Markdown text, de-duplicated; the list itself excluded. */
export function repositoryLinks(markdown: string, self: string): Candidate[] {
  const found = new Map<string, Candidate>();
  for (const [url] of markdown.matchAll(/https?:\/\/(?:www\.)?github\.com\/[^\s)\]"'<>]+/gi)) {
    const candidate = parseGitHubRepository(url);
    if (!candidate || candidate.fullName.toLowerCase() === self.toLowerCase()) continue;
    const key = `${candidate.fullName.toLowerCase()}\u0000${candidate.subfolder ?? ''}`;
    if (!found.has(key)) found.set(key, candidate);
  }
  return [...found.values()];
}

/** awesome-list READMEs, fetched with If-None-Match: an unchanged README answers 304, which costs nothing. */
export const awesomeListsSource: DiscoverySource = {
  id: 'awesome-lists',
  bucket: 'core',
  schedule: 'nightly',
  incremental: true,
  async discover(context, emit) {
    for (const list of AWESOME_LISTS) {
      const [owner, repo] = list.split('/');
      const etag = context.getState(`etag:${list}`);
      let result;
      try {
        result = await context.client.get(`/repos/${owner}/${repo}/readme`, {}, Readme, etag ? { headers: { 'if-none-match': etag } } : {});
      } catch (error) {
        if (error instanceof Error && /HTTP 404/.test(error.message)) continue;
        throw error;
      }
      if (!result) continue;
      const text = Buffer.from(result.data.content, result.data.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8');
      emit({ candidates: repositoryLinks(text, list) });
      if (result.etag) context.setState(`etag:${list}`, result.etag);
    }
  },
};
