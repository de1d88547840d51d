import type { Condition } from '../../../model/index.ts';
import type { FileExtraction } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { conditionsOf } from './conditions.ts';
import { boundParameter, localBinding, parameterNames } from './evaluate.ts';
import { functionDefinition } from './functions.ts';
import { findModuleFile, inImportedModule, type BoundArgument, type ModuleScope } from './module-scope.ts';
import { callArguments, dottedName, enclosing, lineOf, namedChildren, unwrap } from './nodes.ts';
import { isSdkModule } from './sdk.ts';

/**
 * Repository-local helpers that build tools from their parameters (`register(mcp, "search",
 * search)`, `create_local_proxied_tool(remote, local_tool_name="x")`) are read at each call site
 * with the call's arguments bound to their parameters (research §11.4 step 7), one or two levels
 * deep. Inside the helper itself such a registration names no tool.
 */
export const MAX_WRAPPER_DEPTH = 2;

/** Text that a function able to register a tool contains. */
const REGISTERS = /\badd_tool\b|\.tool\b|\bfrom_function\b|\bfrom_tool\b|\bTool\s*\(/;

/** Calls the registration matchers read themselves; never expanded as wrappers. */
const SDK_CALLS = new Set(['add_tool', 'tool', 'from_function', 'from_tool', 'Tool', 'FastMCP', 'MCPServer', 'Server']);

/** The unbound parameter of an enclosing function an expression depends on, through local assignments. */
export function parameterOf(node: Node, scope: ModuleScope, depth = 0): string | null {
  if (depth > 3) return null;
  for (const identifier of [node, ...node.descendantsOfType('identifier')]) {
    if (!identifier || identifier.type !== 'identifier') continue;
    if (isAttributeName(identifier)) continue;
    const local = localBinding(identifier);
    if (local === 'parameter') {
      if (!boundParameter(identifier, scope) && !['self', 'cls'].includes(identifier.text)) return identifier.text;
    } else if (local) {
      const inner = local.startIndex <= identifier.startIndex && identifier.endIndex <= local.endIndex ? null : parameterOf(local, scope, depth + 1);
      if (inner) return inner;
    }
  }
  return null;
}

/** The bound parameter (at the call site being expanded) an expression depends on. */
function boundOf(node: Node, scope: ModuleScope, depth = 0): BoundArgument | null {
  if (depth > 3) return null;
  for (const identifier of [node, ...node.descendantsOfType('identifier')]) {
    if (!identifier || identifier.type !== 'identifier' || isAttributeName(identifier)) continue;
    const bound = boundParameter(identifier, scope);
    if (bound) return bound;
    const local = localBinding(identifier);
    if (local && local !== 'parameter' && !(local.startIndex <= identifier.startIndex && identifier.endIndex <= local.endIndex)) {
      const inner = boundOf(local, scope, depth + 1);
      if (inner) return inner;
    }
  }
  return null;
}

function isAttributeName(identifier: Node): boolean {
  const parent = identifier.parent;
  return parent?.type === 'attribute' && parent.childForFieldName('attribute')?.equals(identifier) === true;
}

/** True when the expression reaches a parameter bound at the call site being expanded. */
export function dependsOnBinding(node: Node, scope: ModuleScope): boolean {
  return boundOf(node, scope) !== null;
}

/**
 * Where a tool built by a wrapper is declared: the outermost call site's argument that gives
 * the name (or the call itself), in the caller's file.
 */
export function callSite(node: Node, scope: ModuleScope): { file: string; line: number } {
  const outer = outermost(node, scope);
  return { file: outer.scope.file.path, line: lineOf(outer.node) };
}

/** The expression of the outermost call site an expression of an expanded wrapper comes from. */
export function outermost(node: Node, scope: ModuleScope): BoundArgument {
  const bindings = scope.parameters;
  if (!bindings) return { node, scope };
  const bound = boundOf(node, scope);
  if (bound) return outermost(bound.node, bound.scope);
  return outermost(bindings.call, bindings.callerScope);
}

/** The conditions of every call site the expansion went through, outermost first. */
export function callSiteConditions(scope: ModuleScope): Condition[] {
  const bindings = scope.parameters;
  if (!bindings) return [];
  return [...callSiteConditions(bindings.callerScope), ...conditionsOf(bindings.call, bindings.callerScope)];
}

export type Collect = (scope: ModuleScope, out: FileExtraction, within: Node, depth: number) => void;

/** Expands calls to wrapper functions under `within`, adding the tools they build to `out`. */
export function wrapperCalls(scope: ModuleScope, out: FileExtraction, within: Node, depth: number, collect: Collect): void {
  if (depth >= MAX_WRAPPER_DEPTH) return;
  for (const call of within.descendantsOfType('call')) {
    const callee = call?.childForFieldName('function');
    const parts = callee ? dottedName(callee) : null;
    if (!call || !callee || !parts || SDK_CALLS.has(parts[parts.length - 1])) continue;
    const args = callArguments(call);
    if (args.positional.length === 0 && args.keywords.size === 0) continue;
    const local = functionDefinition(callee, scope);
    if (local) {
      if (!isInside(call, local) && mayRegisterIn(local, scope)) expand(local, scope, call, scope, parts[0] === 'self' || parts[0] === 'cls', out, depth, collect);
      continue;
    }
    const binding = scope.imports.get(parts[0]);
    if (!binding || parts.length > 2 || !mayRegister(scope, binding.module, binding.name)) continue;
    const sub = inImportedModule(scope, binding, (other, symbol) => {
      const name = symbol ?? parts[1];
      const definition = name && (parts.length === 1 || !symbol) ? other.functions.get(name) : undefined;
      if (!definition || !mayRegisterIn(definition, other)) return null;
      const found: FileExtraction = { tools: [], dynamic: [], warnings: [] };
      expand(definition, other, call, scope, false, found, depth, collect);
      return found;
    });
    if (sub) {
      out.tools.push(...sub.tools);
      out.dynamic.push(...sub.dynamic);
    }
  }
}

/**
 * True for `wrapper(...)` / `await wrapper(...)` where the wrapper is a repository function that
 * builds tools: a Tool object it returns is counted at this call, not where it is registered.
 */
export function isWrapperCall(node: Node, scope: ModuleScope): boolean {
  let current = unwrap(node);
  if (current.type === 'await') current = namedChildren(current)[0] ?? current;
  const callee = current.type === 'call' ? current.childForFieldName('function') : null;
  if (!callee) return false;
  const local = functionDefinition(callee, scope);
  if (local) return mayRegisterIn(local, scope);
  const parts = dottedName(callee);
  const binding = parts ? scope.imports.get(parts[0]) : undefined;
  return binding !== undefined && !isSdkModule(binding.module) && mayRegister(scope, binding.module, binding.name);
}

/** A function registers tools itself, or calls one of this module or an imported one that may. */
function mayRegisterIn(definition: Node, scope: ModuleScope): boolean {
  if (REGISTERS.test(definition.text)) return true;
  return definition.descendantsOfType('call').some((call) => {
    const callee = call?.childForFieldName('function');
    if (callee?.type !== 'identifier') return false;
    const local = scope.functions.get(callee.text);
    if (local) return !isInside(call!, local) && REGISTERS.test(local.text);
    const binding = scope.imports.get(callee.text);
    return binding !== undefined && mayRegister(scope, binding.module, binding.name);
  });
}

function isInside(node: Node, container: Node): boolean {
  return node.startIndex >= container.startIndex && node.endIndex <= container.endIndex;
}

/** Cheap text check before parsing the module a name is imported from. */
function mayRegister(scope: ModuleScope, module: string, name: string | null): boolean {
  if (!scope.context) return false;
  const path = (name ? findModuleFile(scope, `${module}${module.endsWith('.') ? '' : '.'}${name}`) : null) ?? findModuleFile(scope, module);
  const text = path ? scope.context.readText(path) : null;
  return text !== null && REGISTERS.test(text);
}

function expand(definition: Node, definitionScope: ModuleScope, call: Node, callerScope: ModuleScope, method: boolean, out: FileExtraction, depth: number, collect: Collect): void {
  const parameters = definition.childForFieldName('parameters');
  const body = definition.childForFieldName('body');
  if (!parameters || !body) return;
  const values = bindArguments(parameters, call, callerScope, definitionScope, method);
  if (values.size === 0) return;
  const bound: ModuleScope = { ...definitionScope, parameters: { fn: definition, values, call, callerScope }, wrappers: [], generated: [] };
  collect(bound, out, body, depth + 1);
}

/** Arguments by parameter name: positional in order (past `self`), then keywords, then defaults. */
function bindArguments(parameters: Node, call: Node, callerScope: ModuleScope, definitionScope: ModuleScope, method: boolean): Map<string, BoundArgument> {
  const names = parameterNames(parameters);
  const args = callArguments(call);
  const values = new Map<string, BoundArgument>();
  const positional = method || names[0] === 'self' || names[0] === 'cls' ? names.slice(1) : names;
  args.positional.forEach((node, index) => {
    if (positional[index]) values.set(positional[index], { node, scope: callerScope });
  });
  for (const [name, node] of args.keywords) if (names.includes(name)) values.set(name, { node, scope: callerScope });
  for (const parameter of namedChildren(parameters)) {
    const name = parameter.childForFieldName('name')?.text;
    const value = parameter.childForFieldName('value');
    if (name && value && !values.has(name) && parameter.type.endsWith('default_parameter')) values.set(name, { node: value, scope: definitionScope });
  }
  return values;
}

/** Python files of a repository, listed once per source tree. */
const pythonFiles = new WeakMap<object, string[]>();

/** True when some Python file of the repository calls `name(...)` other than where it is defined. */
function calledSomewhere(scope: ModuleScope, name: string): boolean {
  const context = scope.context;
  if (!context) return false;
  let files = pythonFiles.get(context.tree);
  if (!files) {
    files = [...context.tree.paths()].filter((path) => path.endsWith('.py'));
    pythonFiles.set(context.tree, files);
  }
  const call = new RegExp(`(?<!def\\s+)\\b${name}\\s*\\(`);
  return files.some((path) => {
    const text = context.readText(path);
    return text !== null && text.includes(name) && call.test(text);
  });
}

/**
 * A wrapper nobody calls registers nothing we can name; say so instead of staying silent,
 * and stay quiet when its call sites (here or in other files) name the tools.
 */
export function uncalledWrappers(scope: ModuleScope, out: FileExtraction): void {
  const seen = new Set<Node>();
  for (const wrapper of scope.wrappers) {
    if ([...seen].some((other) => other.equals(wrapper))) continue;
    seen.add(wrapper);
    const name = wrapper.childForFieldName('name')?.text;
    if (!name || calledSomewhere(scope, name)) continue;
    out.dynamic.push({ file: scope.file.path, line: lineOf(wrapper), reason: `${name}() registers tools named by its parameters, and no call site was found` });
  }
}

/** The function a registration sits in, for a wrapper whose call sites name its tools. */
export function enclosingFunction(node: Node): Node | null {
  return enclosing(node, ['function_definition']);
}
