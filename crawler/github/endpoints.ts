import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the crawler talks to: GitHub (or GitHub Enterprise, or the test stand-in), the archive host, the registry. */
export interface Endpoints {
  apiUrl: string;
  graphqlUrl: string;
  archiveUrl: string;
  registryUrl: string;
}

export interface EndpointFlags {
  apiUrl?: string;
  graphqlUrl?: string;
  archiveUrl?: string;
  registryUrl?: string;
}

const trim = (url: string): string => url.replace(/\/+$/, '');

/** Flags first, then `GITHUB_API_URL`, `GITHUB_GRAPHQL_URL`, `MCP_RISK_ARCHIVE_URL`, `MCP_RISK_REGISTRY_URL`, then github.com. */
export function resolveEndpoints(flags: EndpointFlags = {}, env: NodeJS.ProcessEnv = process.env): Endpoints {
  const apiUrl = trim(flags.apiUrl ?? env.GITHUB_API_URL ?? 'https://api.github.com');
  return {
    apiUrl,
    graphqlUrl: trim(flags.graphqlUrl ?? env.GITHUB_GRAPHQL_URL ?? `${apiUrl}/graphql`),
    archiveUrl: trim(flags.archiveUrl ?? env.MCP_RISK_ARCHIVE_URL ?? 'https://codeload.github.com'),
    registryUrl: trim(flags.registryUrl ?? env.MCP_RISK_REGISTRY_URL ?? 'https://registry.modelcontextprotocol.io'),
  };
}

const VERSION = (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

/** Identifies the crawler to every host it calls, with a way to reach us (endoflife-date and GitHub both ask for this). */
export const USER_AGENT = `mcp-risk/${VERSION} (+https://github.com/mcp-risk/mcp-risk)`;
