import { posix } from 'node:path';
import type { ExtractContext } from '../../extractor.ts';
import type { SourceTree } from '../../../fetch/source-tree.ts';
import { workspacePackages } from './workspace.ts';

/** Text a file must contain to be worth parsing for TypeScript tools. */
export const MARKERS = ['.tool(', '.tool<', 'registerTool', 'ListToolsRequestSchema', 'tools/list', 'addTool(', 'addTools(', 'MCPTool'];

export function hasMarker(text: string): boolean {
  return MARKERS.some((marker) => text.includes(marker));
}

/** Packages whose import makes a file an MCP server file. */
const MCP_PACKAGE = /^(@modelcontextprotocol\/|fastmcp$|fastmcp\/|agents\/mcp|mcp-handler$|@vercel\/mcp-adapter|mcp-framework$|@cloudflare\/mcp)/;
const IMPORT_SOURCE = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;

/** The MCP packages a file imports, in order. */
export function mcpImports(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(IMPORT_SOURCE)) {
    if (MCP_PACKAGE.test(match[1])) found.push(match[1]);
  }
  return found;
}

/** The SDK family a file uses, by its imports. */
export function sdkOf(imports: readonly string[]): string {
  if (imports.some((name) => name === 'fastmcp' || name.startsWith('fastmcp/'))) return 'ts-fastmcp';
  return imports.includes('mcp-framework') ? 'ts-mcp-framework' : 'ts-mcp-sdk';
}

const packageCache = new WeakMap<SourceTree, Map<string, boolean>>();

/**
 * True when the nearest package.json above a file depends on an MCP package: a helper file that
 * receives the server as an untyped parameter is still reachable from MCP code.
 */
export function packageDependsOnMcp(context: ExtractContext, path: string): boolean {
  let cache = packageCache.get(context.tree);
  if (!cache) {
    cache = new Map();
    packageCache.set(context.tree, cache);
  }
  return lookup(context, cache, posix.dirname(path));
}

function lookup(context: ExtractContext, cache: Map<string, boolean>, dir: string): boolean {
  const key = dir === '.' ? '' : dir;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const text = context.readText(key ? `${key}/package.json` : 'package.json');
  let result: boolean;
  if (text !== null) result = dependsOnMcp(context.tree, text);
  else result = key === '' ? false : lookup(context, cache, posix.dirname(key));
  cache.set(key, result);
  return result;
}

function dependsOnMcp(tree: SourceTree, text: string): boolean {
  try {
    const manifest = JSON.parse(text) as Record<string, unknown>;
    const names = ['dependencies', 'devDependencies', 'peerDependencies'].flatMap((field) => Object.keys((manifest[field] as object) ?? {}));
    return names.some((name) => MCP_PACKAGE.test(name) || workspaceDependsOnMcp(tree, name, new Set()));
  } catch {
    return false;
  }
}

/** A dependency on a package of this repository that itself depends on MCP (`@repo/mcp-common`). */
function workspaceDependsOnMcp(tree: SourceTree, name: string, seen: Set<string>): boolean {
  const pkg = workspacePackages(tree).get(name);
  if (!pkg || seen.has(name)) return false;
  seen.add(name);
  return pkg.dependencies.some((dependency) => MCP_PACKAGE.test(dependency) || workspaceDependsOnMcp(tree, dependency, seen));
}
