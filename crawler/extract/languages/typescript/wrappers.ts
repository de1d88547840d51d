import type { ExtractContext } from '../../extractor.ts';
import { grammarOf, isSkippedPath } from '../../files.ts';
import type { Node } from '../../parser.ts';
import type { SourceTree } from '../../../fetch/source-tree.ts';
import { mcpImports, packageDependsOnMcp } from './mcp-imports.ts';
import { bindsParameter, patternBinds } from './scope.ts';
import { callArguments, calledMethod, isFunction, memberName, namedChildren, pairKey, unwrap } from './syntax.ts';

/**
 * A repository-local function that registers a tool whose name is one of its parameters
 * (`registerPaidTool(server, toolName, description, ...)` calling `server.tool(toolName, ...)`),
 * directly or through another such function.
 */
export interface Wrapper {
  key: string;
  /** What callers write: the function's name, or the property it is stored under. */
  name: string;
  /** Stored as a property or method, so that callers write `x.name(...)`. */
  member: boolean;
  file: string;
  fnStart: number;
  /** Which parameter carries the tool name (an object parameter carries it as `name`). */
  nameParam: number;
  /** The call inside the function that registers, or that forwards to another wrapper. */
  innerStart: number;
  /** The file holding the registering call at the end of the chain. */
  root: string;
  /** Called somewhere with a tool name, directly or through another wrapper. */
  used: boolean;
  /** Wrappers built on this one. */
  callers: string[];
}

export interface WrapperCatalog {
  byName: Map<string, Wrapper[]>;
  byInner: Map<string, Wrapper>;
  /** Files that call a wrapper with a tool name, each with the root file of that wrapper. */
  callerFiles: Map<string, string>;
}

const DIRECT = new Set(['tool', 'registerTool', 'registerToolTask']);
/** Registering calls whose first argument is a bare identifier: the only ones that can be wrapped. */
const DIRECT_CANDIDATE = /\b(?:tool|registerTool|registerToolTask)\s*(?:<[^()]*>)?\s*\(\s*[A-Za-z_$][\w$]*\s*[,)]/;
/** Wrappers of wrappers, bounded: real code goes two or three levels deep. */
const MAX_DEPTH = 4;
const cache = new WeakMap<SourceTree, WrapperCatalog>();

export function wrapperCatalog(context: ExtractContext): WrapperCatalog {
  const known = cache.get(context.tree);
  if (known) return known;
  const catalog: WrapperCatalog = { byName: new Map(), byInner: new Map(), callerFiles: new Map() };
  cache.set(context.tree, catalog);
  const files = context.tree.paths().filter((path) => !isSkippedPath(path) && ['typescript', 'tsx', 'javascript'].includes(grammarOf(path) ?? ''));
  const all = new Map<string, Wrapper>();
  let level: Wrapper[] = [];
  for (const path of files) {
    const text = context.readText(path);
    if (!text || !DIRECT_CANDIDATE.test(text)) continue;
    if (mcpImports(text).length === 0 && !packageDependsOnMcp(context, path)) continue;
    context.parseFile(path, (root) => {
      for (const call of root.descendantsOfType('call_expression')) {
        if (!call || !DIRECT.has(calledMethod(call) ?? '')) continue;
        const args = callArguments(call);
        if (args.length < 2) continue;
        const wrapper = wrapperOf(call, args[0], path, path);
        if (wrapper && !all.has(wrapper.key)) level.push(wrapper);
        if (wrapper) all.set(wrapper.key, wrapper);
      }
    });
  }
  for (const wrapper of level) add(catalog, wrapper);
  for (let depth = 1; depth <= MAX_DEPTH && level.length > 0; depth++) {
    const names = [...new Set(level.map((wrapper) => wrapper.name))];
    const pattern = new RegExp(`\\b(?:${names.map(escape).join('|')})\\s*(?:<[^()]*>)?\\s*\\(`);
    const next: Wrapper[] = [];
    for (const path of files) {
      const text = context.readText(path);
      if (!text || !pattern.test(text)) continue;
      context.parseFile(path, (root) => {
        for (const call of root.descendantsOfType('call_expression')) {
          if (!call) continue;
          const callee = calleeName(call);
          const target = callee ? pickWrapper(catalog, callee.name, callee.member, null) : null;
          if (!target || !names.includes(target.name)) continue;
          if (insideFunctionAt(call, target.file === path ? target.fnStart : -1)) continue;
          const arg = callArguments(call)[target.nameParam];
          if (!arg) continue;
          const wrapper = wrapperOf(call, arg, path, target.root);
          if (wrapper) {
            if (all.has(wrapper.key)) continue;
            all.set(wrapper.key, wrapper);
            target.callers.push(wrapper.key);
            next.push(wrapper);
          } else {
            markUsed(all, target);
            if (!catalog.callerFiles.has(path)) catalog.callerFiles.set(path, target.root);
          }
        }
      });
    }
    for (const wrapper of next) add(catalog, wrapper);
    level = next;
  }
  return catalog;
}

/** The wrapper that a call of `name` reaches: the function itself when known, else by name and kind. */
export function pickWrapper(catalog: WrapperCatalog, name: string, member: boolean, resolved: { file: string; start: number } | null): Wrapper | null {
  const candidates = catalog.byName.get(name);
  if (!candidates) return null;
  if (resolved) return candidates.find((wrapper) => wrapper.file === resolved.file && wrapper.fnStart === resolved.start) ?? null;
  return candidates.find((wrapper) => wrapper.member === member) ?? candidates[0];
}

/** `f(...)` gives f, `x.f(...)` gives f as a member call. */
export function calleeName(call: Node): { name: string; member: boolean } | null {
  const callee = unwrap(call.childForFieldName('function') ?? call);
  if (callee.type === 'identifier') return { name: callee.text, member: false };
  const method = calledMethod(call);
  return method ? { name: method, member: true } : null;
}

/** The identifier that carries a tool name in an argument: the argument itself, or its `name` property. */
export function nameIdentifier(arg: Node): Node | null {
  const node = unwrap(arg);
  if (node.type === 'identifier') return node;
  if (node.type !== 'object') return null;
  for (const child of namedChildren(node)) {
    if (child.type === 'shorthand_property_identifier' && child.text === 'name') return child;
    if (child.type === 'pair' && pairKey(child) === 'name') {
      const value = child.childForFieldName('value');
      return value && unwrap(value).type === 'identifier' ? unwrap(value) : null;
    }
  }
  return null;
}

/** The function whose parameter `identifier` is, with the parameter's position. */
export function enclosingParameter(identifier: Node): { fn: Node; index: number } | null {
  for (let node = identifier.parent; node; node = node.parent) {
    if (!isFunction(node) || !bindsParameter(node, identifier.text)) continue;
    const single = node.childForFieldName('parameter');
    if (single) return { fn: node, index: 0 };
    const params = namedChildren(node.childForFieldName('parameters') ?? node).filter((param) => param.type !== 'statement_block');
    return { fn: node, index: Math.max(params.findIndex((param) => patternBinds(param, identifier.text)), 0) };
  }
  return null;
}

/** The name callers use for a function: its declared name, its variable, or its property. */
export function callableName(fn: Node): { name: string; member: boolean } | null {
  if (fn.type === 'function_declaration' || fn.type === 'generator_function_declaration') {
    const name = fn.childForFieldName('name')?.text;
    return name ? { name, member: false } : null;
  }
  if (fn.type === 'method_definition') {
    const name = fn.childForFieldName('name')?.text;
    return name ? { name, member: true } : null;
  }
  const parent = fn.parent;
  if (parent?.type === 'variable_declarator') {
    const name = parent.childForFieldName('name');
    return name?.type === 'identifier' ? { name: name.text, member: false } : null;
  }
  if (parent?.type === 'pair') {
    const key = pairKey(parent);
    return key ? { name: key, member: true } : null;
  }
  if (parent?.type === 'assignment_expression' || parent?.type === 'public_field_definition') {
    const left = parent.childForFieldName('left') ?? parent.childForFieldName('name');
    const name = left ? (memberName(left) ?? (left.type === 'property_identifier' ? left.text : null)) : null;
    return name ? { name, member: true } : null;
  }
  return null;
}

function wrapperOf(call: Node, arg: Node, path: string, root: string): Wrapper | null {
  const identifier = nameIdentifier(arg);
  const param = identifier ? enclosingParameter(identifier) : null;
  const callable = param ? callableName(param.fn) : null;
  if (!param || !callable) return null;
  return {
    key: `${path}#${param.fn.startIndex}`, name: callable.name, member: callable.member, file: path, fnStart: param.fn.startIndex,
    nameParam: param.index, innerStart: call.startIndex, root, used: false, callers: [],
  };
}

function add(catalog: WrapperCatalog, wrapper: Wrapper): void {
  const list = catalog.byName.get(wrapper.name) ?? [];
  list.push(wrapper);
  catalog.byName.set(wrapper.name, list);
  catalog.byInner.set(`${wrapper.file}#${wrapper.innerStart}`, wrapper);
}

function markUsed(all: Map<string, Wrapper>, wrapper: Wrapper): void {
  if (wrapper.used) return;
  wrapper.used = true;
  // The wrappers this one forwards to are used through it.
  for (const other of all.values()) if (other.callers.includes(wrapper.key)) markUsed(all, other);
}

function insideFunctionAt(node: Node, start: number): boolean {
  if (start < 0) return false;
  for (let current = node.parent; current; current = current.parent) if (isFunction(current) && current.startIndex === start) return true;
  return false;
}

function escape(text: string): string {
  return text.replace(/[$]/g, '\\$');
}
