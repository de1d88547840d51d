import type { Registry } from './package-list.ts';

/**
 * MCP SDKs and frameworks a published server may depend on, frameworks first: a server on `fastmcp`
 * also pulls in the official SDK, and the framework is what shapes its code.
 */
const FAMILIES: Record<Registry, readonly string[]> = {
  npm: [
    'fastmcp', 'mcp-framework', 'mcp-handler', '@vercel/mcp-adapter', 'agents', 'tmcp', '@rekog/mcp-nest',
    '@mastra/mcp', 'xmcp', 'mcp-use', '@modelcontextprotocol/sdk',
  ],
  pypi: ['fastmcp', 'mcp'],
};

/** The family name used in results: npm names as they are, PyPI ones marked (`fastmcp` exists in both). */
function familyName(registry: Registry, dependency: string): string {
  return registry === 'pypi' ? `pypi:${dependency}` : dependency;
}

/**
 * The MCP dependencies among a package's declared ones, and its family: the first framework or SDK
 * it names, `none` when it names none (bundled, or reached through another package).
 */
export function mcpFamily(registry: Registry, dependencies: Record<string, string>): { family: string; mcpDependencies: Record<string, string> } {
  const known = FAMILIES[registry];
  const mcpDependencies: Record<string, string> = {};
  for (const name of known) {
    if (dependencies[name] !== undefined) mcpDependencies[familyName(registry, name)] = dependencies[name];
  }
  const first = known.find((name) => dependencies[name] !== undefined);
  return { family: first ? familyName(registry, first) : 'none', mcpDependencies };
}

/** Dependencies a package.json declares (peer ones too: a server may expect the SDK beside it). */
export function npmDependencies(manifest: Record<string, unknown>): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const field of ['peerDependencies', 'optionalDependencies', 'dependencies']) {
    const value = manifest[field];
    if (!value || typeof value !== 'object') continue;
    for (const [name, range] of Object.entries(value)) if (typeof range === 'string') merged[name] = range;
  }
  return merged;
}

/** `Requires-Dist:` lines of a wheel's METADATA, as name → specifier (extras' requirements left out). */
export function pythonDependencies(metadata: string): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const line of metadata.split('\n')) {
    const match = /^Requires-Dist:\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*([^;]*)(;.*)?$/.exec(line.trim());
    if (!match || /extra\s*==/.test(match[4] ?? '')) continue;
    merged[match[1].toLowerCase().replace(/[._]/g, '-')] = match[3].trim().replace(/^\(|\)$/g, '') || '*';
  }
  return merged;
}
