import type { SourceTree } from '../../../fetch/source-tree.ts';
import { isSkippedPath } from '../../files.ts';

/** Code that hands `@Tool` beans to an MCP server (Spring AI "MCP Server Boot Starter"). */
const WIRING = /MethodToolCallbackProvider|ToolCallbacks\.from|McpToolUtils\.to(?:Sync|Async)ToolSpecification/;
/** Build files that pull in a Spring AI MCP server. */
const MCP_SERVER_DEPENDENCY = /spring-ai-(?:starter-)?mcp-server|mcp-server-spring-boot-starter/;
const BUILD_FILE = /(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/;
const SPRING_BOOT = /spring-boot|spring-ai-starter/;
const MAX_SCANNED_BYTES = 512 * 1024;
/** Spring bean stereotypes: an annotated class is a bean by component scanning. */
export const SPRING_STEREOTYPES = new Set(['Component', 'Service', 'Controller', 'RestController', 'Repository', 'Configuration']);

interface Module {
  /** Folder of the nearest build file ('' for the repository root). */
  root: string;
  javaFiles: string[];
  buildFiles: string[];
}

const modulesCache = new WeakMap<SourceTree, Module[]>();
const confidenceCache = new WeakMap<SourceTree, Map<string, number>>();

function dirOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

/** Build modules of the repository, innermost first, each with the Java files it owns. */
function modules(tree: SourceTree): Module[] {
  const cached = modulesCache.get(tree);
  if (cached) return cached;
  const paths = tree.paths().filter((path) => !isSkippedPath(path));
  const roots = new Map<string, Module>();
  for (const path of paths) {
    if (!BUILD_FILE.test(path)) continue;
    const root = dirOf(path);
    const module = roots.get(root) ?? { root, javaFiles: [], buildFiles: [] };
    module.buildFiles.push(path);
    roots.set(root, module);
  }
  if (!roots.has('')) roots.set('', { root: '', javaFiles: [], buildFiles: [] });
  const ordered = [...roots.values()].sort((a, b) => b.root.length - a.root.length);
  for (const path of paths) {
    if (path.endsWith('.java')) moduleOfPath(ordered, path).javaFiles.push(path);
  }
  modulesCache.set(tree, ordered);
  return ordered;
}

function moduleOfPath(ordered: Module[], path: string): Module {
  return ordered.find((module) => module.root === '' || path.startsWith(`${module.root}/`)) ?? ordered[ordered.length - 1];
}

function textOf(tree: SourceTree, path: string): string {
  if ((tree.size(path) ?? Infinity) > MAX_SCANNED_BYTES) return '';
  return tree.read(path)?.toString('utf8') ?? '';
}

/**
 * How sure we are that Spring AI `@Tool` methods of a file are MCP tools: 0.95 when code of its build
 * module wires them into an MCP server, 0.8 when only the module's build file depends on the MCP server
 * starter, 0.5 otherwise (Spring AI `@Tool` is also used for plain chat-model function calling).
 */
export function springToolConfidence(tree: SourceTree, file: string): number {
  const module = moduleOfPath(modules(tree), file);
  const cache = confidenceCache.get(tree) ?? new Map<string, number>();
  confidenceCache.set(tree, cache);
  const cached = cache.get(module.root);
  if (cached !== undefined) return cached;
  const wired = module.javaFiles.some((path) => WIRING.test(textOf(tree, path)));
  const dependency = module.buildFiles.some((path) => MCP_SERVER_DEPENDENCY.test(textOf(tree, path)));
  const confidence = wired ? 0.95 : dependency ? 0.8 : 0.5;
  cache.set(module.root, confidence);
  return confidence;
}

/**
 * Whether another file of the module names a class without a stereotype (an `@Bean` method, `new X()`,
 * `X.class`). A class neither annotated nor mentioned (a provider whose `@Service` is commented out)
 * never reaches the server.
 */
export function isMentionedElsewhere(tree: SourceTree, file: string, className: string, outsideClass: string): boolean {
  const mention = new RegExp(`\\b${className}\\b`);
  if (mention.test(outsideClass)) return true;
  const module = moduleOfPath(modules(tree), file);
  return module.javaFiles.some((path) => path !== file && mention.test(textOf(tree, path)));
}

/** Whether the file's build module is a Spring Boot application (beans found by component scanning). */
export function isSpringBootModule(tree: SourceTree, file: string): boolean {
  const module = moduleOfPath(modules(tree), file);
  return module.buildFiles.some((path) => SPRING_BOOT.test(textOf(tree, path)));
}
