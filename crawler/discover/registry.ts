import { z } from 'zod';
import { readJsonBounded } from '../github/bounded-body.ts';
import { HttpStatusError } from '../github/errors.ts';
import { parseGitHubRepository, type Candidate, type DiscoverySource, type Withdrawal } from './candidate.ts';

const OFFICIAL = 'io.modelcontextprotocol.registry/official';

/** `/v0.1/servers` entries, only the fields we read; permissive, the registry adds fields. */
export const RegistryServer = z.object({
  server: z.object({
    name: z.string(),
    repository: z.object({ url: z.string().optional(), source: z.string().optional(), id: z.string().optional(), subfolder: z.string().optional() }).nullish(),
  }),
  _meta: z.record(z.string(), z.unknown()).optional(),
});
export type RegistryServer = z.infer<typeof RegistryServer>;

export const RegistryPage = z.object({
  servers: z.array(RegistryServer),
  metadata: z.object({ nextCursor: z.string().nullish(), count: z.number().optional() }).optional(),
});
export type RegistryPage = z.infer<typeof RegistryPage>;

const OfficialMeta = z.object({ status: z.string().optional(), updatedAt: z.string().optional() });

/** Page size cap of the registry handler (internal/api/handlers/v0/servers.go: max 100). */
const PAGE_SIZE = 100;

/**
 * The official MCP Registry: every server with a GitHub repository (and its subfolder), cursor paging,
 * `updated_since` for nightly deltas; entries marked deleted are withdrawn.
 */
export const registrySource: DiscoverySource = {
  id: 'registry',
  bucket: 'registry',
  schedule: 'nightly',
  incremental: true,
  async discover(context, emit) {
    let cursor = context.cursor;
    let newest = context.getState('updatedAt') ?? '';
    const since = context.getState('updatedAt');
    for (let pages = 0; pages < 10_000; pages++) {
      const url = new URL(`${context.client.endpoints.registryUrl}/v0.1/servers`);
      url.searchParams.set('limit', String(PAGE_SIZE));
      if (cursor) url.searchParams.set('cursor', cursor);
      if (since) url.searchParams.set('updated_since', since);
      const response = await context.client.fetch(url.toString(), { headers: { accept: 'application/json' } });
      if (!response.ok) throw new HttpStatusError(response.status, url.toString());
      const page = RegistryPage.parse(await readJsonBounded(response, url.toString()));
      const candidates: Candidate[] = [];
      const withdrawn: Withdrawal[] = [];
      for (const entry of page.servers) {
        const meta = OfficialMeta.safeParse(entry._meta?.[OFFICIAL] ?? {});
        const updatedAt = meta.success ? meta.data.updatedAt : undefined;
        if (updatedAt && updatedAt > newest) newest = updatedAt;
        const repository = entry.server.repository;
        if (!repository?.url || (repository.source && repository.source !== 'github')) continue;
        const parsed = parseGitHubRepository(repository.url);
        if (!parsed) continue;
        const subfolder = repository.subfolder?.replace(/^\.?\/+|\/+$/g, '') || parsed.subfolder;
        const databaseId = repository.id && /^\d+$/.test(repository.id) ? Number(repository.id) : undefined;
        const item = { fullName: parsed.fullName, ...(subfolder ? { subfolder } : {}) };
        if (meta.success && meta.data.status === 'deleted') withdrawn.push(item);
        else candidates.push({ ...item, ...(databaseId ? { databaseId } : {}) });
      }
      cursor = page.metadata?.nextCursor ?? null;
      emit({ candidates, withdrawn, cursor: cursor ?? undefined });
      if (!cursor) break;
    }
    if (newest) context.setState('updatedAt', newest);
  },
};
