import type { SourceTree } from '../../../fetch/source-tree.ts';
import { isSkippedPath } from '../../files.ts';

/** Code that hands `@Tool` beans to an MCP server (Spring AI "MCP Server Boot Starter"). */
const WIRING = /MethodToolCallbackProvider|ToolCallbacks\.from|McpToolUtils\.to(?:Sync|Async)ToolSpecification/;
/** Build files that pull in a Spring AI MCP server. */
const MCP_SERVER_DEPENDENCY = /spring-ai-(?:starter-)?mcp-server|mcp-server-spring-boot-starter/;
const BUILD_FILE = /(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/;
const MAX_SCANNED_BYTES = 512 * 1024;

const cache = new WeakMap<SourceTree, number>();

/**
 * How sure we are that Spring AI `@Tool` methods of this repository are MCP tools: 0.95 when code
 * wires them into an MCP server, 0.8 when only a build file depends on the MCP server starter,
 * 0.5 otherwise (Spring AI `@Tool` is also used for plain chat-model function calling).
 */
export function springToolConfidence(tree: SourceTree): number {
  const cached = cache.get(tree);
  if (cached !== undefined) return cached;
  let dependency = false;
  let wired = false;
  for (const path of tree.paths()) {
    if (isSkippedPath(path)) continue;
    const isBuild = BUILD_FILE.test(path);
    if (!isBuild && !path.endsWith('.java')) continue;
    if ((tree.size(path) ?? Infinity) > MAX_SCANNED_BYTES) continue;
    const text = tree.read(path)?.toString('utf8') ?? '';
    if (isBuild && MCP_SERVER_DEPENDENCY.test(text)) dependency = true;
    if (!isBuild && WIRING.test(text)) wired = true;
    if (wired) break;
  }
  const confidence = wired ? 0.95 : dependency ? 0.8 : 0.5;
  cache.set(tree, confidence);
  return confidence;
}
