import type { GitHubClient } from '../github/client.ts';

/** A repository a source names: by `owner/name`, with its GitHub id when the source knows it. */
export interface Candidate {
  fullName: string;
  databaseId?: number;
  /** A folder inside the repository (registry entries of monorepos); absent means the whole repository. */
  subfolder?: string;
}

/** A repository a source withdrew (a registry entry marked deleted). */
export interface Withdrawal {
  fullName: string;
  subfolder?: string;
}

/** One page of a source's results, stored together with the cursor that follows it. */
export interface DiscoveryPage {
  candidates: Candidate[];
  withdrawn?: Withdrawal[];
  /** Where to resume this source if the run stops after this page. */
  cursor?: string;
}

export interface DiscoveryContext {
  client: GitHubClient;
  /** When this source last completed, for deltas (ISO); null on the first run. */
  since: string | null;
  /** The cursor stored by an interrupted run of this source, if any. */
  cursor: string | null;
  /** A stored value of this source (ETags, watermarks). */
  getState(key: string): string | null;
  setState(key: string, value: string): void;
  now: () => Date;
  log: (message: string) => void;
}

/** A discovery source (SPEC §3.1): one module each, listed in index.ts. */
export interface DiscoverySource {
  id: string;
  /** The rate-limit bucket it spends. */
  bucket: 'core' | 'search' | 'code_search' | 'registry' | 'none';
  schedule: 'nightly' | 'weekly';
  /** True when it asks only for what changed since the last run. */
  incremental: boolean;
  discover(context: DiscoveryContext, emit: (page: DiscoveryPage) => void): Promise<void>;
}

/** `owner/name` (and a subfolder) from a GitHub URL or `owner/name`; null for anything else. */
export function parseGitHubRepository(text: string): Candidate | null {
  const url = /^(?:https?:\/\/)?(?:www\.)?github\.com\/([A-Za-z0-9-]{1,39})\/([A-Za-z0-9._-]{1,100}?)(?:\.git)?(?:\/tree\/[^/\s]+\/([^\s#?]+))?\/?(?:[#?].*)?$/i.exec(text.trim());
  const bare = /^([A-Za-z0-9-]{1,39})\/([A-Za-z0-9._-]{1,100})$/.exec(text.trim());
  const match = url ?? bare;
  if (!match) return null;
  const [, owner, name, subfolder] = match;
  if (RESERVED_OWNERS.has(owner.toLowerCase()) || name === '.' || name === '..') return null;
  return subfolder ? { fullName: `${owner}/${name}`, subfolder: subfolder.replace(/\/+$/, '') } : { fullName: `${owner}/${name}` };
}

/** github.com paths that are not repositories. */
const RESERVED_OWNERS = new Set(['topics', 'orgs', 'sponsors', 'marketplace', 'features', 'apps', 'settings', 'search', 'collections', 'about', 'login', 'users', 'enterprise']);
