import type { Condition } from '../../../model/index.ts';
import type { DynamicDraft } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { conditionsBetween } from './conditions.ts';
import type { Evaluator } from './evaluate.ts';
import type { Module } from './program.ts';
import { callArguments, calledMethod, isFunction, lineOf, memberName, namedChildren, unwrap } from './syntax.ts';
import { handlerSpan, type ToolParts } from './tool-draft.ts';
import { EMPTY_ENV, isText, type Env, type Value } from './values.ts';
import { callableName, calleeName, enclosingParameter, nameIdentifier, pickWrapper, wrapperCatalog, type Wrapper, type WrapperCatalog } from './wrappers.ts';
import { hasMarker } from './mcp-imports.ts';
import { classTools } from './class-tools.ts';

const HINT_KEYS = new Set(['title', 'readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint']);
const REGISTERING = new Set(['tool', 'registerTool', 'registerToolTask', 'addTool', 'addTools', 'setRequestHandler']);
/** Loop expansions per registering call: enough for real registries, bounded against blow-ups. */
const MAX_EXPANSIONS = 1000;

export interface FileScan {
  mod: Module;
  sdk: string;
  /** The file imports an MCP package; without it only unambiguous call shapes count. */
  imported: boolean;
}

export interface Found {
  tools: ToolParts[];
  dynamic: DynamicDraft[];
}

/** Every tool registration in one file, each call expanded over the loops that enclose it. */
export function findRegistrations(evaluator: Evaluator, scan: FileScan): Found {
  const found: Found = { tools: [], dynamic: [] };
  const catalog = wrapperCatalog(evaluator.program.context);
  const registrations = new Set<number>();
  for (const call of scan.mod.root.descendantsOfType('call_expression')) {
    if (!call) continue;
    const method = calledMethod(call);
    if (!method || !REGISTERING.has(method)) continue;
    const args = callArguments(call);
    if (!matchesShape(method, args, scan)) continue;
    registrations.add(call.startIndex);
    // The body of a wrapper registers whatever name its callers pass; the callers are the tools.
    if (catalog.byInner.get(`${scan.mod.path}#${call.startIndex}`)?.used) continue;
    const base = conditionsBetween(call, null, scan.mod, evaluator.program).concat(disabledConditions(call));
    for (const binding of loopBindings(evaluator, call, scan.mod)) {
      const context = { evaluator, scan, call, args, env: binding.env, conditions: [...base, ...binding.conditions], looped: binding.looped };
      if (method === 'setRequestHandler') listHandler(context, found);
      else if (method === 'addTools') addTools(context, found);
      else found.tools.push(renamed(context, registration(context, method)));
    }
  }
  wrapperCalls(evaluator, scan, catalog, registrations, found);
  found.tools.push(...classTools(evaluator, scan.mod, scan.sdk));
  // Callers of this file's wrappers that no extraction visits (no registering text in them).
  for (const [path, root] of catalog.callerFiles) {
    if (root !== scan.mod.path || path === scan.mod.path || hasMarker(evaluator.program.context.readText(path) ?? '')) continue;
    const mod = evaluator.program.load(path);
    if (mod) wrapperCalls(evaluator, { ...scan, mod }, catalog, new Set(), found);
  }
  return found;
}

/** fastmcp `addTools([a, b])`: each element is a tool object. */
function addTools(ctx: CallContext, found: Found): void {
  const list = ctx.evaluator.evaluate(ctx.args[0], ctx.scan.mod, ctx.env);
  if (list.kind !== 'arr') {
    found.dynamic.push({ file: ctx.scan.mod.path, line: lineOf(ctx.call), reason: `addTools with a list that cannot be read statically: ${ctx.args[0].text.slice(0, 120)}` });
    return;
  }
  for (const item of list.items) found.tools.push(fromToolObject({ ...ctx, conditions: [...ctx.conditions, ...item.conditions] }, item.value, 'FastMCP.addTools'));
}

/** `const t = server.registerTool("a", ...); t.update({ name: "b" })`: clients see the new name. */
function renamed(ctx: CallContext, tool: ToolParts): ToolParts {
  const handle = handleOf(ctx.call);
  if (!handle) return tool;
  for (const use of handle.scope.descendantsOfType('call_expression')) {
    if (!use || calledMethod(use) !== 'update') continue;
    const callee = unwrap(use.childForFieldName('function')!);
    if (callee.childForFieldName('object')?.text !== handle.name) continue;
    const update = callArguments(use)[0] ? ctx.evaluator.evaluate(callArguments(use)[0], ctx.scan.mod, ctx.env) : null;
    const name = update?.kind === 'obj' && update.entries.has('name') ? ctx.evaluator.member(update, 'name', 'name') : null;
    // The definition stays where it was registered; only the name changes.
    if (name) tool = { ...tool, name };
  }
  return tool;
}

function handleOf(call: Node): { name: string; scope: Node } | null {
  const declarator = call.parent;
  if (declarator?.type !== 'variable_declarator') return null;
  const handle = declarator.childForFieldName('name');
  const scope = declarator.parent?.parent;
  return handle && handle.type === 'identifier' && scope ? { name: handle.text, scope } : null;
}

function registration(ctx: CallContext, method: string): ToolParts {
  if (method === 'addTool') return fromToolObject(ctx, ctx.evaluator.evaluate(ctx.args[0], ctx.scan.mod, ctx.env), 'FastMCP.addTool');
  if (method === 'tool') return variadicTool(ctx);
  return registerTool(ctx, method);
}

/** Calls of repository-local wrappers with a tool name: each is a tool, read through the wrapper's body. */
function wrapperCalls(evaluator: Evaluator, scan: FileScan, catalog: WrapperCatalog, registrations: Set<number>, found: Found): void {
  if (catalog.byName.size === 0) return;
  for (const call of scan.mod.root.descendantsOfType('call_expression')) {
    if (!call || registrations.has(call.startIndex)) continue;
    const callee = calleeName(call);
    if (!callee || !catalog.byName.has(callee.name)) continue;
    const wrapper = resolveWrapper(evaluator, catalog, call, callee, scan.mod, EMPTY_ENV);
    const args = callArguments(call);
    const arg = wrapper ? args[wrapper.nameParam] : undefined;
    if (!wrapper || !arg) continue;
    const identifier = nameIdentifier(arg);
    const param = identifier ? enclosingParameter(identifier) : null;
    if (param && callableName(param.fn)) continue;
    const nameNode = identifier ?? namePairValue(arg) ?? arg;
    const conditions = conditionsBetween(call, null, scan.mod, evaluator.program);
    for (const binding of loopBindings(evaluator, call, scan.mod)) {
      const values = args.map((node) => evaluator.evaluate(node, scan.mod, binding.env));
      found.tools.push(...expandWrapper(evaluator, catalog, wrapper, values, [...conditions, ...binding.conditions], scan, 0).map((tool) => ({
        ...tool, mod: scan.mod, nameNode, formConfidence: Math.min(tool.formConfidence, 0.9), style: binding.looped ? 'tool-objects-loop' : tool.style,
      })));
    }
  }
}

function resolveWrapper(evaluator: Evaluator, catalog: WrapperCatalog, call: Node, callee: { name: string; member: boolean }, mod: Module, env: Env): Wrapper | null {
  const calleeNode = unwrap(call.childForFieldName('function') ?? call);
  const value = evaluator.evaluate(calleeNode, mod, env);
  const resolved = value.kind === 'fn' ? { file: value.mod.path, start: value.node.startIndex } : null;
  // A local function of that name that wraps nothing is not a wrapper.
  if (value.kind === 'fn' && !pickWrapper(catalog, callee.name, callee.member, resolved)) return null;
  return pickWrapper(catalog, callee.name, callee.member, resolved);
}

function namePairValue(arg: Node): Node | null {
  const node = unwrap(arg);
  if (node.type !== 'object') return null;
  const pair = namedChildren(node).find((child) => child.type === 'pair' && child.childForFieldName('key')?.text === 'name');
  return pair?.childForFieldName('value') ?? null;
}

const MAX_WRAPPER_DEPTH = 4;

/** The wrapper's registering call evaluated with its parameters bound to the caller's arguments. */
function expandWrapper(evaluator: Evaluator, catalog: WrapperCatalog, wrapper: Wrapper, values: Value[], conditions: Condition[], scan: FileScan, depth: number): ToolParts[] {
  if (depth > MAX_WRAPPER_DEPTH) return [];
  const mod = wrapper.file === scan.mod.path ? scan.mod : evaluator.program.load(wrapper.file);
  const fn = mod ? nodeAt(mod.root, wrapper.fnStart, (node) => node.isNamed && isFunction(node)) : null;
  const inner = mod ? nodeAt(mod.root, wrapper.innerStart, (node) => node.type === 'call_expression') : null;
  if (!mod || !fn || !inner) return [];
  const env = new Map<string, Value>();
  const single = fn.childForFieldName('parameter');
  const params = single ? [single] : namedChildren(fn.childForFieldName('parameters') ?? fn).filter((param) => param.type !== 'statement_block');
  params.forEach((param, index) => evaluator.bind(param, values[index] ?? { kind: 'unknown', src: param.text, param: true }, env, mod));
  const innerConditions = [...conditions, ...conditionsBetween(inner, fn, mod, evaluator.program)];
  const args = callArguments(inner);
  const method = calledMethod(inner);
  const innerScan = { ...scan, mod };
  if (method && REGISTERING.has(method) && method !== 'setRequestHandler' && matchesShape(method, args, { ...innerScan, imported: true })) {
    return [registration({ evaluator, scan: innerScan, call: inner, args, env, conditions: innerConditions, looped: false }, method)];
  }
  const callee = calleeName(inner);
  const next = callee ? resolveWrapper(evaluator, catalog, inner, callee, mod, env) : null;
  if (!next) return [];
  return expandWrapper(evaluator, catalog, next, args.map((arg) => evaluator.evaluate(arg, mod, env)), innerConditions, scan, depth + 1);
}

function nodeAt(root: Node, start: number, accept: (node: Node) => boolean): Node | null {
  for (let node: Node | null = root.descendantForIndex(start); node; node = node.parent) {
    if (node.startIndex !== start) break;
    if (accept(node)) return node;
  }
  return null;
}

interface CallContext {
  evaluator: Evaluator;
  scan: FileScan;
  call: Node;
  args: Node[];
  env: Env;
  conditions: Condition[];
  looped: boolean;
}

/** Arity and argument kinds of each form, so that look-alike APIs are not taken for MCP. */
export function matchesShape(method: string, args: Node[], scan: FileScan): boolean {
  const kinds = args.map((arg) => unwrap(arg).type);
  const isCallback = (index: number): boolean => index >= 0 && (isFunction(unwrap(args[index])) || ['identifier', 'member_expression', 'call_expression'].includes(kinds[index]));
  const textLike = (kind: string | undefined): boolean => kind !== undefined && !['object', 'arrow_function', 'function_expression', 'array', 'number'].includes(kind);
  switch (method) {
    case 'tool':
      if (args.length < 2 || args.length > 6 || !textLike(kinds[0]) || !isCallback(args.length - 1)) return false;
      return scan.imported || (kinds[0] === 'string' && isFunction(unwrap(args[args.length - 1])));
    case 'registerTool':
    case 'registerToolTask':
      if (args.length < 3 || !textLike(kinds[0]) || kinds[1] === 'string' || isFunction(unwrap(args[1]))) return false;
      return scan.imported || (kinds[0] === 'string' && kinds[1] === 'object');
    case 'addTool':
      return args.length === 1 && (scan.sdk === 'ts-fastmcp' || (scan.imported && kinds[0] === 'object'));
    case 'addTools':
      return args.length === 1 && scan.sdk === 'ts-fastmcp';
    case 'setRequestHandler': {
      const schema = args[0] ? unwrap(args[0]) : null;
      if (!schema || args.length < 2) return false;
      const isList = /ListToolsRequestSchema$/.test(schema.text) || (schema.type === 'string' && schema.text.slice(1, -1) === 'tools/list');
      return isList && scan.imported;
    }
    default:
      return false;
  }
}

/** `server.tool(name, ...rest, cb)`: mirrors the SDK's runtime reading of the middle arguments. */
function variadicTool(ctx: CallContext): ToolParts {
  const { evaluator, scan, args, env } = ctx;
  const middle = args.slice(1, -1).map((node) => ({ node, value: evaluator.evaluate(node, scan.mod, env) }));
  let description: Value | null = null;
  let index = 0;
  if (middle.length > 0 && isDescription(middle[0], middle)) {
    description = middle[0].value;
    index = 1;
  }
  let schema: Value | null = null;
  let annotations: Value | null = null;
  const rest = middle.slice(index);
  if (rest.length >= 2) {
    schema = rest[0].value;
    annotations = rest[1].value;
  } else if (rest.length === 1) {
    if (isAnnotations(rest[0].value, rest[0].node)) annotations = rest[0].value;
    else schema = rest[0].value;
  }
  return parts(ctx, {
    name: evaluator.evaluate(args[0], scan.mod, env),
    nameNode: args[0],
    description,
    schema,
    annotations,
    title: null,
    handler: handlerSpan(evaluator, args[args.length - 1], scan.mod, env),
    style: 'McpServer.tool',
  });
}

function isDescription(first: { node: Node; value: Value }, middle: Array<{ node: Node; value: Value }>): boolean {
  if (isText(first.value)) return true;
  if (first.value.kind !== 'unknown' || unwrap(first.node).type === 'object') return false;
  if (middle.length === 3) return true;
  if (middle.length === 2) return !isAnnotations(middle[1].value, middle[1].node) || /desc|prompt/i.test(first.node.text);
  return /desc|prompt/i.test(first.node.text);
}

/** A plain object of hint keys with literal values (not a Zod shape, which has schema values). */
function isAnnotations(value: Value, node: Node): boolean {
  if (value.kind !== 'obj') return /annotation|hint/i.test(node.text);
  if (value.entries.size === 0) return false;
  return [...value.entries.keys()].every((key) => HINT_KEYS.has(key));
}

/** `server.registerTool(name, { title, description, inputSchema, annotations }, cb)` and the task variant. */
function registerTool(ctx: CallContext, method: string): ToolParts {
  const { evaluator, scan, args, env } = ctx;
  const config = evaluator.evaluate(args[1], scan.mod, env);
  const field = (key: string): Value | null => (config.kind === 'obj' && config.entries.has(key) ? evaluator.member(config, key, key) : null);
  return parts(ctx, {
    name: evaluator.evaluate(args[0], scan.mod, env),
    nameNode: args[0],
    title: field('title'),
    description: field('description'),
    schema: config.kind === 'obj' ? field('inputSchema') : { kind: 'unknown', src: args[1].text },
    annotations: field('annotations'),
    handler: handlerSpan(evaluator, args[2], scan.mod, env),
    style: method === 'registerTool' ? 'McpServer.registerTool' : 'McpServer.registerToolTask',
  });
}

/** `setRequestHandler(ListToolsRequestSchema, () => ({ tools: [...] }))`: each listed object is a tool. */
function listHandler(ctx: CallContext, found: Found): void {
  const { evaluator, scan, args, env, call } = ctx;
  const handler = evaluator.evaluate(args[1], scan.mod, env);
  const result = handler.kind === 'fn' ? evaluator.callFunction(handler, [], args[1].text) : handler;
  const tools = evaluator.member(result, 'tools', 'tools');
  if (tools.kind !== 'arr') {
    found.dynamic.push({ file: scan.mod.path, line: lineOf(call), reason: 'the tools/list handler builds its list at run time' });
    return;
  }
  for (const item of tools.items) {
    if (item.value.kind !== 'obj') {
      const where = item.value.kind === 'unknown' ? item.value.src : item.value.kind;
      found.dynamic.push({ file: scan.mod.path, line: lineOf(call), reason: `a tools/list entry cannot be read statically: ${where.slice(0, 120)}` });
      continue;
    }
    found.tools.push(fromToolObject({ ...ctx, conditions: [...ctx.conditions, ...item.conditions] }, item.value, 'Server.setRequestHandler'));
  }
}

/** A tool written as an object: `{ name, title, description, inputSchema | parameters, annotations }`. */
function fromToolObject(ctx: CallContext, value: Value, style: string): ToolParts {
  const { evaluator, call } = ctx;
  const field = (key: string): Value | null => (value.kind === 'obj' && value.entries.has(key) ? evaluator.member(value, key, key) : null);
  const nameEntry = value.kind === 'obj' ? value.entries.get('name') : undefined;
  const handlerEntry = value.kind === 'obj' ? (value.entries.get('execute') ?? value.entries.get('handler')) : undefined;
  // fastmcp's `canAccess(auth)` hides the tool from sessions it rejects.
  const access = value.kind === 'obj' ? value.entries.get('canAccess')?.node : undefined;
  if (access) ctx = { ...ctx, conditions: [...ctx.conditions, { kind: 'auth', expr: `canAccess: ${access.text.replace(/\s+/g, ' ').slice(0, 160)}` }] };
  return parts(ctx, {
    name: field('name') ?? { kind: 'unknown', src: callArguments(call)[0]?.text ?? call.text },
    nameNode: nameEntry?.node ?? call,
    title: field('title'),
    description: field('description'),
    schema: field('inputSchema') ?? field('parameters'),
    annotations: field('annotations'),
    handler: handlerEntry?.node ? handlerSpan(evaluator, handlerEntry.node, handlerEntry.mod, handlerEntry.env) : null,
    style,
  });
}

function parts(
  ctx: CallContext,
  read: Pick<ToolParts, 'name' | 'nameNode' | 'title' | 'description' | 'schema' | 'annotations' | 'handler' | 'style'>,
): ToolParts {
  return {
    ...read,
    mod: ctx.scan.mod,
    conditions: ctx.conditions,
    sdk: ctx.scan.sdk,
    style: ctx.looped ? 'tool-objects-loop' : read.style,
    formConfidence: ctx.looped || read.style === 'Server.setRequestHandler' ? 0.9 : 1,
  };
}

interface Binding {
  env: Env;
  conditions: Condition[];
  looped: boolean;
}

/**
 * The environments a registering call runs in: one per element of each array it is looped over
 * (`for (const t of tools)`, `tools.forEach(t => ...)`), or the empty one.
 */
function loopBindings(evaluator: Evaluator, call: Node, mod: Module): Binding[] {
  const loops: Array<{ pattern: Node; collection: Node; keys: boolean }> = [];
  for (let node = call.parent; node; node = node.parent) {
    if (node.type === 'for_in_statement') {
      const pattern = node.childForFieldName('left');
      const collection = node.childForFieldName('right');
      const keys = node.children.some((child) => child?.type === 'in');
      if (pattern && collection) loops.unshift({ pattern, collection, keys });
    } else if (isFunction(node) && node.parent?.type === 'arguments') {
      const outer = node.parent.parent;
      const method = outer?.type === 'call_expression' ? calledMethod(outer) : null;
      const callee = outer ? unwrap(outer.childForFieldName('function') ?? outer) : null;
      const pattern = node.childForFieldName('parameter') ?? namedChildren(node.childForFieldName('parameters') ?? node)[0];
      const collection = callee?.childForFieldName('object');
      if (method && ['forEach', 'map', 'flatMap'].includes(method) && pattern && collection && memberName(callee!)) loops.unshift({ pattern, collection, keys: false });
    }
  }
  let bindings: Binding[] = [{ env: EMPTY_ENV, conditions: [], looped: false }];
  for (const loop of loops) {
    const next: Binding[] = [];
    for (const binding of bindings) {
      const collection = evaluator.evaluate(loop.collection, mod, binding.env);
      const items = loop.keys && collection.kind === 'obj'
        ? [...collection.entries.keys()].map((key) => ({ value: { kind: 'str', value: key } as Value, conditions: [] }))
        : collection.kind === 'arr' ? collection.items : null;
      if (!items || items.length === 0) {
        next.push(binding);
        continue;
      }
      for (const item of items) {
        if (next.length >= MAX_EXPANSIONS) break;
        const env = new Map(binding.env);
        evaluator.bind(loop.pattern, item.value, env, mod);
        next.push({ env, conditions: [...binding.conditions, ...item.conditions], looped: true });
      }
    }
    bindings = next;
  }
  return bindings;
}

/** `const t = server.registerTool(...); t.disable()`: registered, but hidden until enabled. */
function disabledConditions(call: Node): Condition[] {
  const declarator = call.parent;
  if (declarator?.type !== 'variable_declarator') return [];
  const handle = declarator.childForFieldName('name');
  const scope = declarator.parent?.parent;
  if (!handle || handle.type !== 'identifier' || !scope) return [];
  const found: Condition[] = [];
  for (const use of scope.descendantsOfType('call_expression')) {
    if (!use || calledMethod(use) !== 'disable') continue;
    const callee = unwrap(use.childForFieldName('function')!);
    if (callee.childForFieldName('object')?.text === handle.text) found.push({ kind: 'disabled', expr: use.text });
  }
  return found;
}
