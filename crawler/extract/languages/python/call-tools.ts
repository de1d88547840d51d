import type { FileExtraction } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { conditionsOf } from './conditions.ts';
import { disabledCondition, excludedArguments, positionalSlots } from './decorator-tools.ts';
import { asText, bindingOf, boundParameter, evaluate } from './evaluate.ts';
import { referencedFunction, type FunctionFacts } from './function-facts.ts';
import { isLoopVariable } from './functions.ts';
import { inImportedModule, type BoundArgument, type ModuleScope } from './module-scope.ts';
import { combine, loopItems } from './loop-lists.ts';
import { callArguments, dottedName, enclosing, lastSegment, lineOf, namedChildren, unwrap, type CallArguments } from './nodes.ts';
import { receiverSdk, sdkOfImports, serverClassOf, type PythonSdk } from './sdk.ts';
import { mcpVersion } from './sdk-version.ts';
import { toolDrafts } from './composition.ts';
import { atModuleLevel } from './decorator-tools.ts';
import type { Registration } from './tool-draft.ts';
import { isWrapperCall } from './wrappers.ts';

const TOOL_FACTORIES = new Set(['from_function', 'from_tool']);

/** `Tool.from_function(...)` / `FunctionTool.from_function(...)` / `Tool.from_tool(...)`. */
function isToolFactory(node: Node): boolean {
  const current = unwrap(node);
  if (current.type !== 'call') return false;
  const parts = dottedName(current.childForFieldName('function')!) ?? [];
  return parts.length >= 2 && TOOL_FACTORIES.has(parts[parts.length - 1]) && /Tool$/.test(parts[parts.length - 2]);
}

/** A Tool object registered again (`mcp.add_tool(tool)`): the factory call already counts it. */
function isToolObject(node: Node, scope: ModuleScope): boolean {
  if (isToolFactory(node)) return true;
  let current = unwrap(node);
  // `mcp.add_tool(t.fn, t.name, ...)` re-registers the fields of a Tool object.
  if (current.type === 'attribute') current = current.childForFieldName('object') ?? current;
  if (current.type !== 'identifier') return false;
  const bound = bindingOf(current, scope);
  return bound !== null && (isToolFactory(bound) || isWrapperCall(bound, scope));
}

interface FunctionRegistration {
  call: Node;
  args: CallArguments;
  /** The function registered, as written. */
  fn: Node | null;
  /** Positional arguments after the function. */
  afterFunction: Node[];
  sdk: PythonSdk;
  style: string;
  /** The server registered on; null for Tool factories. */
  receiver: Node | null;
}

/**
 * Registrations by call: `mcp.add_tool(fn, ...)`, `mcp.tool(name=...)(fn)`, fastmcp's direct
 * `mcp.tool(fn, name=...)`, and `Tool.from_function(fn, ...)` / `Tool.from_tool(tool, ...)`.
 */
export function callTools(scope: ModuleScope, out: FileExtraction, within: Node = scope.root): void {
  for (const call of within.descendantsOfType('call')) {
    if (!call || call.parent?.type === 'decorator') continue;
    const generator = openApiGenerator(call);
    if (generator && sdkOfImports(scope)) {
      out.dynamic.push({ file: scope.file.path, line: lineOf(call), reason: `${generator}: one tool per route of an API description, known only at run time` });
      continue;
    }
    const found = functionRegistration(call, scope);
    if (found) register(found, scope, out);
  }
}

/** `FastMCP.from_openapi(...)` / `FastMCP.from_fastapi(...)` (fastmcp): tools generated from routes. */
function openApiGenerator(call: Node): string | null {
  const callee = call.childForFieldName('function');
  const parts = callee ? dottedName(callee) : null;
  if (!parts || parts.length < 2) return null;
  const method = parts[parts.length - 1];
  return (method === 'from_openapi' || method === 'from_fastapi') && /^(FastMCP|MCPServer)$/.test(parts[parts.length - 2]) ? parts.slice(-2).join('.') : null;
}

function functionRegistration(call: Node, scope: ModuleScope): FunctionRegistration | null {
  const callee = call.childForFieldName('function');
  if (!callee) return null;
  const args = withSplatKeywords(call, callArguments(call), scope);
  if (callee.type === 'call') {
    // mcp.tool(name='x')(fn): the decorator applied by hand.
    const inner = callee.childForFieldName('function');
    const receiver = inner?.type === 'attribute' && inner.childForFieldName('attribute')?.text === 'tool' ? inner.childForFieldName('object') : null;
    const sdk = receiver ? receiverSdk(receiver, scope) : null;
    if (!sdk) return null;
    const decoratorArgs = callArguments(callee);
    return { call: callee, args: decoratorArgs, fn: args.positional[0] ?? null, afterFunction: decoratorArgs.positional, sdk, style: `${serverClassOf(scope)}.tool`, receiver };
  }
  if (callee.type !== 'attribute') return null;
  const method = callee.childForFieldName('attribute')?.text;
  const receiver = callee.childForFieldName('object');
  if (!receiver) return null;
  if (method && TOOL_FACTORIES.has(method) && /Tool$/.test(lastSegment(receiver) ?? '')) {
    const sdk = sdkOfImports(scope);
    if (!sdk) return null;
    const fn = args.keywords.get(method === 'from_tool' ? 'tool' : 'fn') ?? args.positional[0] ?? null;
    return { call, args, fn, afterFunction: [], sdk, style: `Tool.${method}`, receiver: null };
  }
  if (method === 'add_tool') {
    const fn = args.keywords.get('fn') ?? args.keywords.get('tool') ?? args.positional[0] ?? null;
    if (!fn || isToolObject(fn, scope)) return null;
    const sdk = receiverSdk(receiver, scope);
    return sdk ? { call, args, fn, afterFunction: args.positional.slice(1), sdk, style: `${serverClassOf(scope)}.add_tool`, receiver } : null;
  }
  if (method === 'tool' && args.positional[0] && call.parent?.type !== 'call') {
    // fastmcp: mcp.tool(fn, name=...) registers directly; a string first argument is a decorator factory.
    const first = unwrap(args.positional[0]);
    if (first.type !== 'identifier' && first.type !== 'attribute') return null;
    const sdk = receiverSdk(receiver, scope);
    return sdk ? { call, args, fn: first, afterFunction: args.positional.slice(1), sdk, style: `${serverClassOf(scope)}.tool`, receiver } : null;
  }
  return null;
}

/** True when the call sits in a loop of its function: what it registers varies at run time. */
function inLoop(call: Node): boolean {
  return enclosing(call, ['for_statement', 'while_statement'], ['function_definition', 'class_definition']) !== null;
}

/**
 * The name a function reference gives a tool when no name is passed: the def's own name, or the
 * last segment of an import or a `self.method`; null for a variable holding some function.
 */
function derivedName(fn: Node, facts: FunctionFacts | null, scope: ModuleScope): string | null {
  if (facts) return facts.name;
  const parts = dottedName(fn);
  if (!parts) return null;
  if (parts.length === 1) return scope.imports.has(parts[0]) ? parts[0] : null;
  return parts[0] === 'self' || parts[0] === 'cls' || scope.imports.has(parts[0]) ? parts[parts.length - 1] : null;
}

function register(found: FunctionRegistration, scope: ModuleScope, out: FileExtraction): void {
  const { args, fn } = found;
  const [positionalName, ...afterName] = found.afterFunction;
  const isFactory = found.style.startsWith('Tool.');
  const slots = found.sdk === 'py-mcp' && !isFactory ? positionalSlots(scope, afterName) : {};
  if (Object.keys(slots).some((slot) => slot !== 'annotations') && !mcpVersion(scope)) {
    out.warnings.push({ file: scope.file.path, message: `line ${lineOf(found.call)}: positional ${found.style} arguments after the name changed meaning in mcp 1.10 and no manifest pins the version; read as title, description` });
  }
  // In a wrapper read at its call site, the function may be the caller's argument.
  const target = fn ? boundParameterOf(fn, scope) ?? { node: fn, scope } : null;
  const facts = target && found.style !== 'Tool.from_tool' ? referencedFunction(target.node, target.scope, excludedArguments(args, scope)) : null;
  const functionName = target && found.style !== 'Tool.from_tool' ? derivedName(target.node, facts, target.scope) : null;
  // Without a derivable name, the function expression itself stands as the (unresolved) name.
  const nameNode = args.keywords.get('name') ?? positionalName ?? (functionName ? null : fn);
  if (!nameNode && !functionName) return;
  const loopNode = nameNode ?? fn;
  if (loopNode && isLoopVariable(loopNode) && registersKnownList(found, loopNode, scope, out)) return;
  if ((loopNode && isLoopVariable(loopNode)) || (!functionName && nameNode && !isResolvable(nameNode, scope) && inLoop(found.call))) {
    out.dynamic.push({ file: scope.file.path, line: lineOf(found.call), reason: `${found.style} in a loop: the tool names are known only at run time (${(loopNode ?? found.call).text})` });
    return;
  }
  const registration: Registration = {
    nameNode,
    reference: fn,
    functionName,
    descriptionNode: args.keywords.get('description') ?? slots.description ?? null,
    titleNode: args.keywords.get('title') ?? slots.title ?? null,
    annotationsNode: args.keywords.get('annotations') ?? slots.annotations ?? null,
    fn: facts,
    inputSchema: null,
    line: lineOf(args.keywordNodes.get('name') ?? positionalName ?? found.call),
    conditions: [...conditionsOf(found.call, scope), ...disabledCondition(args, scope)],
    sdk: found.sdk,
    style: found.style,
    formConfidence: 1,
    receiver: found.receiver,
    objectName: isFactory ? assignedName(found.call) : null,
    tagsNode: args.keywords.get('tags') ?? null,
  };
  out.tools.push(...toolDrafts(registration, scope));
}

function isResolvable(node: Node, scope: ModuleScope): boolean {
  const value = evaluate(node, scope);
  return value.kind === 'str' && value.complete;
}

/** The caller's argument a plain-name function reference stands for, inside an expanded wrapper. */
function boundParameterOf(node: Node, scope: ModuleScope): BoundArgument | null {
  const current = unwrap(node);
  return current.type === 'identifier' ? boundParameter(current, scope) : null;
}

/**
 * `Tool.from_tool(tool, **kwargs)` after `kwargs = {'name': n}` and `kwargs['description'] = d`:
 * the keys of a dict built in the same function count as keyword arguments.
 */
function withSplatKeywords(call: Node, args: CallArguments, scope: ModuleScope): CallArguments {
  if (!args.spread) return args;
  const list = call.childForFieldName('arguments');
  for (const splat of list ? namedChildren(list) : []) {
    const variable = splat.type === 'dictionary_splat' ? namedChildren(splat)[0] : undefined;
    if (variable?.type !== 'identifier') continue;
    const bound = bindingOf(variable, scope);
    const pairs: [Node, Node][] = [];
    if (bound?.type === 'dictionary') {
      for (const pair of namedChildren(bound)) {
        const key = pair.childForFieldName('key');
        const value = pair.childForFieldName('value');
        if (pair.type === 'pair' && key && value) pairs.push([key, value]);
      }
    }
    const owner = enclosing(call, ['function_definition']) ?? scope.root;
    for (const assignment of owner.descendantsOfType('assignment')) {
      const left = assignment?.childForFieldName('left');
      const right = assignment?.childForFieldName('right');
      if (!assignment || !right || left?.type !== 'subscript' || assignment.startIndex > call.startIndex) continue;
      if (left.childForFieldName('value')?.text !== variable.text) continue;
      const key = left.childForFieldName('subscript');
      if (key) pairs.push([key, right]);
    }
    for (const [key, value] of pairs) {
      const text = asText(evaluate(key, scope));
      if (!text?.complete || args.keywords.has(text.text)) continue;
      args.keywords.set(text.text, value);
      args.keywordNodes.set(text.text, value);
    }
  }
  return args;
}

/** `delete_asset_tool = Tool.from_function(...)` at module level: the variable's name. */
function assignedName(call: Node): string | null {
  const assignment = call.parent?.type === 'assignment' ? call.parent : null;
  const left = assignment?.childForFieldName('left');
  return left?.type === 'identifier' && atModuleLevel(assignment!) ? left.text : null;
}

/**
 * A loop over a list written in the source: Tool objects in it are counted where they are built
 * (with the loop's conditions, see repository-index.ts); functions in it are tools named after
 * them, declared where the list names them. False when any item is neither.
 */
function registersKnownList(found: FunctionRegistration, loopNode: Node, scope: ModuleScope, out: FileExtraction): boolean {
  const items = loopItems(loopNode, scope);
  if (!items || items.length === 0 || found.style.startsWith('Tool.')) return false;
  const toolObjects = items.every((item) => isToolObject(item.node, scope) || importedToolObject(item.node, scope));
  if (toolObjects) return true;
  const functions = items.map((item) => ({ item, facts: referencedFunction(item.node, scope, new Set()) }));
  if (functions.some(({ item, facts }) => !facts || lineOf(item.node) < 1 || !withinFile(item.node, scope))) return false;
  for (const { item, facts } of functions) {
    out.tools.push(...toolDrafts({
      nameNode: null, reference: item.node, functionName: facts!.name,
      descriptionNode: null, titleNode: null, annotationsNode: null,
      fn: facts, inputSchema: null, line: lineOf(item.node),
      conditions: [...conditionsOf(found.call, scope), ...combine(item.when)],
      sdk: found.sdk, style: found.style, formConfidence: 1, receiver: found.receiver,
    }, scope));
  }
  return true;
}

function withinFile(node: Node, scope: ModuleScope): boolean {
  return node.tree === scope.root.tree;
}

/** A name imported from a module where it is assigned a `Tool.from_function(...)` (or similar). */
function importedToolObject(node: Node, scope: ModuleScope): boolean {
  const current = unwrap(node);
  const binding = current.type === 'identifier' ? scope.imports.get(current.text) : undefined;
  if (!binding?.name) return false;
  return inImportedModule(scope, binding, (other, symbol) => {
    const value = symbol ? other.assignments.get(symbol) : undefined;
    return value !== undefined && isToolFactory(value);
  }) ?? false;
}
