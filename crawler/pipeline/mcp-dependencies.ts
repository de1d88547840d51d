import { parse as parseToml } from 'smol-toml';
import { isSkippedPath } from '../extract/files.ts';
import type { SourceTree } from '../fetch/source-tree.ts';
import type { ExtractionWarning } from '../model/index.ts';

/** A dependency that names MCP: `@modelcontextprotocol/sdk`, `mcp`, `fastmcp`, `rmcp`, `Microsoft.Azure.Functions.Worker.Extensions.Mcp`... */
const MCP_NAME = /(^|[^a-z])(mcp|modelcontextprotocol)([^a-z]|$)|fastmcp|rmcp/i;
/** Dependencies listed in a warning: enough to see what the repository builds on. */
const MAX_LISTED = 8;

const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : {});
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
/** The name part of a Python requirement: `mcp[cli]>=1.2` → `mcp`. */
const requirement = (line: string): string => line.trim().split(/[\s\[<>=!~;@]/)[0];

/** The dependency names one manifest declares, read as data. */
function declared(path: string, text: string): string[] {
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    if (name === 'package.json') {
      const json = record(JSON.parse(text));
      return ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap((key) => Object.keys(record(json[key])));
    }
    if (name === 'pyproject.toml') {
      const toml = record(parseToml(text));
      const project = record(toml.project);
      const optional = Object.values(record(project['optional-dependencies'])).flatMap(strings);
      return [...strings(project.dependencies), ...optional].map(requirement).concat(Object.keys(record(record(record(toml.tool).poetry).dependencies)));
    }
    if (name === 'Cargo.toml') return Object.keys(record(record(parseToml(text)).dependencies));
  } catch {
    return [];
  }
  if (/^requirements[^/]*\.txt$/.test(name)) return text.split('\n').filter((line) => !line.trim().startsWith('#')).map(requirement);
  if (name === 'go.mod') return [...text.matchAll(/^\s*(?:require\s+)?([\w.-]+\.[\w./-]+)\s+v/gm)].map((m) => m[1]);
  if (name === 'pom.xml') return [...text.matchAll(/<artifactId>\s*([^<\s]+)\s*<\/artifactId>/g)].map((m) => m[1]);
  if (/^build\.gradle(\.kts)?$/.test(name)) return [...text.matchAll(/["']([\w.-]+:[\w.-]+)(?::[^"']*)?["']/g)].map((m) => m[1]);
  if (name.endsWith('.csproj')) return [...text.matchAll(/PackageReference\s+Include="([^"]+)"/g)].map((m) => m[1]);
  return [];
}

const MANIFEST = /(^|\/)(package\.json|pyproject\.toml|Cargo\.toml|requirements[^/]*\.txt|go\.mod|pom\.xml|build\.gradle(\.kts)?|[^/]+\.csproj)$/;

/** The MCP-related dependencies the repository's manifests declare (tests and vendored code aside), sorted. */
export function mcpDependencies(tree: SourceTree): string[] {
  const found = new Set<string>();
  for (const path of tree.paths()) {
    if (!MANIFEST.test(path) || isSkippedPath(path)) continue;
    const text = tree.read(path)?.toString('utf8');
    if (text === undefined) continue;
    for (const dependency of declared(path, text)) if (MCP_NAME.test(dependency)) found.add(dependency);
  }
  return [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Why a repository yielded no server, as a warning a reader (and `stats --quality`) can act on: its
 * manifests name no MCP dependency at all (not a server, or its code lives elsewhere), or they do and no
 * tool registration was recognised (a framework no extractor reads yet, or a style it misses).
 */
export function noServerWarning(tree: SourceTree): ExtractionWarning {
  const dependencies = mcpDependencies(tree);
  if (dependencies.length === 0) return { file: '.', message: 'no MCP server found: no manifest names an MCP dependency' };
  const listed = dependencies.slice(0, MAX_LISTED).join(', ') + (dependencies.length > MAX_LISTED ? `, and ${dependencies.length - MAX_LISTED} more` : '');
  return { file: '.', message: `no MCP server found: the manifests name ${listed}, but no tool registration was recognised` };
}
