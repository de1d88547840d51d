import type { Condition } from '../../../model/index.ts';
import { isSkippedPath } from '../../files.ts';
import type { Node } from '../../parser.ts';
import { conditionsOf } from './conditions.ts';
import { asText, evaluate, localBinding, toJson } from './evaluate.ts';
import { combine, loopItems } from './loop-lists.ts';
import { buildModuleScope, findModuleFile, type ModuleScope } from './module-scope.ts';
import { callArguments, dottedName, enclosing, unwrap } from './nodes.ts';
import { receiverSdk } from './sdk.ts';

/**
 * What other files of the repository do to a server or a tool object: mount it under a prefix,
 * remove or disable tools, register Tool objects from a filtered list in a loop. Read once per
 * repository, so the file that declares a tool can apply it.
 */
export interface RepositoryIndex {
  /** Prefixes a server object is mounted or imported under, by server key. */
  prefixes: Map<string, string[]>;
  /** remove_tool / disable(names=, tags=) against a server, by server key. */
  removals: Map<string, Removal[]>;
  /** Conditions on a module-level tool object (loop registration, `.disable()`), by tool key. */
  toolConditions: Map<string, Condition[]>;
}

export interface Removal {
  names: string[] | null;
  tags: string[] | null;
  condition: Condition;
}

/** Calls worth a parse when the index is built. */
const INDEXED = /\badd_tool\s*\(|\.mount\s*\(|\bimport_server\s*\(|\bremove_tool\s*\(|\.disable\s*\(/;

const indexes = new WeakMap<object, RepositoryIndex>();

export function repositoryIndex(scope: ModuleScope): RepositoryIndex {
  const empty: RepositoryIndex = { prefixes: new Map(), removals: new Map(), toolConditions: new Map() };
  const context = scope.context;
  if (!context) return empty;
  const known = indexes.get(context.tree);
  if (known) return known;
  indexes.set(context.tree, empty);
  for (const path of context.tree.paths()) {
    if (!path.endsWith('.py') || isSkippedPath(path)) continue;
    const text = context.readText(path);
    if (!text || !INDEXED.test(text)) continue;
    context.parseFile(path, (root, file) => indexFile(buildModuleScope(file, root, context), empty));
  }
  return empty;
}

/**
 * A stable key for the server a receiver names: the file and module-level variable it is
 * assigned to (followed through imports), the function and local variable, or the class
 * attribute. Null for parameters and anything else.
 */
export function serverKey(receiver: Node, scope: ModuleScope): string | null {
  const parts = dottedName(receiver);
  if (!parts) return null;
  if ((parts[0] === 'self' || parts[0] === 'cls') && parts.length === 2) {
    const owner = enclosing(receiver, ['class_definition'])?.childForFieldName('name')?.text;
    return owner ? `${scope.file.path}\u0000${owner}.${parts[1]}` : null;
  }
  if (parts.length !== 1) return null;
  return variableKey(unwrap(receiver), scope, '');
}

/** The key of a tool object held in a variable (`delete_asset_tool`, a decorated function). */
export function toolKey(variable: Node, scope: ModuleScope): string | null {
  const current = unwrap(variable);
  return current.type === 'identifier' ? variableKey(current, scope, 'tool:') : null;
}

export function toolKeyOf(file: string, name: string): string {
  return `${file}\u0000tool:${name}`;
}

function variableKey(identifier: Node, scope: ModuleScope, kind: string): string | null {
  const name = identifier.text;
  const local = localBinding(identifier);
  if (local === 'parameter') return null;
  if (local) {
    const fn = enclosing(identifier, ['function_definition'])?.childForFieldName('name')?.text ?? '';
    return `${scope.file.path}\u0000${kind}${fn}/${name}`;
  }
  if (scope.assignments.has(name) || scope.functions.has(name)) return `${scope.file.path}\u0000${kind}${name}`;
  const binding = scope.imports.get(name);
  if (!binding?.name) return null;
  const path = findModuleFile(scope, binding.module);
  return path ? `${path}\u0000${kind}${binding.name}` : null;
}

function indexFile(scope: ModuleScope, index: RepositoryIndex): void {
  for (const call of scope.root.descendantsOfType('call')) {
    const callee = call?.childForFieldName('function');
    const receiver = callee?.type === 'attribute' ? callee.childForFieldName('object') : null;
    const method = callee?.childForFieldName('attribute')?.text;
    if (!call || !receiver || !method) continue;
    if (method === 'add_tool') indexLoopRegistration(call, scope, index);
    else if (method === 'mount' || method === 'import_server') indexMount(call, receiver, scope, index);
    else if (method === 'remove_tool' || method === 'disable') indexRemoval(call, receiver, method, scope, index);
  }
}

/** `for t in selected: mcp.add_tool(t)` / `mcp.add_tool(t.fn, t.name, ...)`: conditions per tool object. */
function indexLoopRegistration(call: Node, scope: ModuleScope, index: RepositoryIndex): void {
  const args = callArguments(call);
  const argument = args.keywords.get('tool') ?? args.keywords.get('fn') ?? args.positional[0];
  const items = argument ? loopItems(argument, scope) : null;
  if (!items) return;
  const around = conditionsOf(call, scope);
  for (const item of items) {
    const key = toolKey(item.node, scope);
    if (key) add(index.toolConditions, key, [...around, ...combine(item.when)]);
  }
}

/** `mcp.mount(sub, prefix="x")`, `mcp.mount("x", sub)` (early 2.x), `namespace=` (3.x), `import_server`. */
export function mountParts(call: Node): { server: Node | null; prefix: Node | null } {
  const args = callArguments(call);
  const [first, second] = args.positional;
  const stringFirst = first && ['string', 'concatenated_string'].includes(unwrap(first).type);
  const server = args.keywords.get('server') ?? (stringFirst ? second : first) ?? null;
  const prefix = args.keywords.get('prefix') ?? args.keywords.get('namespace') ?? (stringFirst ? first : second) ?? null;
  return { server, prefix };
}

function indexMount(call: Node, receiver: Node, scope: ModuleScope, index: RepositoryIndex): void {
  if (!receiverSdk(receiver, scope)) return;
  const { server, prefix } = mountParts(call);
  const key = server ? serverKey(server, scope) : null;
  const text = prefix ? asText(evaluate(prefix, scope)) : null;
  if (key && text?.complete && text.text) add(index.prefixes, key, [text.text]);
}

function indexRemoval(call: Node, receiver: Node, method: string, scope: ModuleScope, index: RepositoryIndex): void {
  const args = callArguments(call);
  const around = conditionsOf(call, scope);
  const expr = around.length > 0 ? `${call.text} if ${around.map((condition) => condition.expr).join(' and ')}` : call.text;
  const condition: Condition = { kind: 'disabled', expr };
  if (method === 'disable' && args.positional.length === 0 && args.keywords.size === 0) {
    // `tool.disable()` on the object a decorator or a factory returned.
    const key = toolKey(receiver, scope);
    if (key) add(index.toolConditions, key, [condition]);
    return;
  }
  if (!receiverSdk(receiver, scope)) return;
  const key = serverKey(receiver, scope);
  if (!key) return;
  const names = strings(method === 'remove_tool' ? args.keywords.get('name') ?? args.positional[0] : args.keywords.get('names') ?? args.keywords.get('keys'), scope);
  const tags = method === 'disable' ? strings(args.keywords.get('tags'), scope) : null;
  if (names || tags) add(index.removals, key, [{ names, tags, condition }]);
}

/** A string or a collection of strings, fully known; null otherwise. */
export function strings(node: Node | undefined, scope: ModuleScope): string[] | null {
  if (!node) return null;
  const json = toJson(evaluate(node, scope));
  if (typeof json === 'string') return [json];
  return Array.isArray(json) && json.length > 0 && json.every((item) => typeof item === 'string') ? (json as string[]) : null;
}

function add<T>(map: Map<string, T[]>, key: string, values: T[]): void {
  map.set(key, [...(map.get(key) ?? []), ...values]);
}
