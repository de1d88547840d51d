import type { ModuleScope } from './module-scope.ts';
import { findModuleFile } from './module-scope.ts';
import type { Node } from '../../parser.ts';
import { dottedName, unwrap } from './nodes.ts';

export type PythonSdk = 'py-mcp' | 'py-fastmcp';

function isMcpModule(module: string): boolean {
  return module === 'mcp' || module.startsWith('mcp.');
}

function isFastmcpModule(module: string): boolean {
  return module === 'fastmcp' || module.startsWith('fastmcp.');
}

export function isSdkModule(module: string): boolean {
  return isMcpModule(module) || isFastmcpModule(module);
}

/**
 * The SDK a file's imports name. Files may import both (types from `mcp`, the server from
 * `fastmcp`); the server class decides, so any fastmcp import wins.
 */
export function sdkOfImports(scope: ModuleScope): PythonSdk | null {
  const modules = [...scope.imports.values()].map((binding) => binding.module);
  if (modules.some(isFastmcpModule)) return 'py-fastmcp';
  if (modules.some(isMcpModule)) return 'py-mcp';
  return null;
}

/** The same decision from raw text, for a module we only read (where a receiver was imported from). */
function sdkOfText(text: string): PythonSdk | null {
  if (/^\s*(from\s+fastmcp[\s.]|import\s+fastmcp)/m.test(text)) return 'py-fastmcp';
  if (/^\s*(from\s+mcp[\s.]|import\s+mcp)/m.test(text)) return 'py-mcp';
  return null;
}

const SERVER_CLASSES = new Set(['FastMCP', 'MCPServer', 'Server']);

/** 'MCPServer' for mcp 2.x files, else 'FastMCP': the class named in `style`. */
export function serverClassOf(scope: ModuleScope): string {
  return [...scope.imports.values()].some((binding) => binding.name === 'MCPServer') ? 'MCPServer' : 'FastMCP';
}

/**
 * The SDK behind a decorator or registration receiver (`mcp`, `server`, `self.mcp`), or null when
 * it is not an MCP server: a file importing an MCP package is trusted unless the receiver is
 * visibly built by another library (`agent = Agent(...)`); otherwise the receiver must be
 * assigned from `FastMCP(...)`/`MCPServer(...)` or imported from a module that builds one.
 */
export function receiverSdk(receiver: Node, scope: ModuleScope): PythonSdk | null {
  const fileSdk = sdkOfImports(scope);
  const parts = dottedName(receiver);
  const head = parts?.[0];
  const assigned = head && parts.length === 1 ? scope.assignments.get(head) : undefined;
  const constructor = assigned ? constructorOf(assigned) : null;
  if (constructor) {
    const binding = scope.imports.get(constructor[0]);
    if (SERVER_CLASSES.has(constructor[constructor.length - 1])) return fileSdk ?? (binding && isFastmcpModule(binding.module) ? 'py-fastmcp' : 'py-mcp');
    if (binding && !isSdkModule(binding.module)) return null;
  }
  if (fileSdk) return fileSdk;
  const binding = head ? scope.imports.get(head) : undefined;
  if (!binding || !scope.context || isSdkModule(binding.module)) return null;
  const path = findModuleFile(scope, binding.module);
  const text = path ? scope.context.readText(path) : null;
  if (!text || !/\b(FastMCP|MCPServer)\s*\(/.test(text)) return null;
  return sdkOfText(text);
}

function constructorOf(value: Node): string[] | null {
  const current = unwrap(value);
  if (current.type !== 'call') return null;
  const callee = current.childForFieldName('function');
  return callee ? dottedName(callee) : null;
}
