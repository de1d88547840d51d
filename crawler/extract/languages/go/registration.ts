import type { Condition, HandlerSpan } from '../../../model/tool.ts';
import type { Node } from '../../parser.ts';
import type { GoFunction, GoPackage } from './package-index.ts';

/** Calls that register a tool followed by its handler. */
const ADD_TOOL = new Set(['AddTool', 'AddSessionTool', 'AddTaskTool']);

const TRANSPARENT = new Set(['unary_expression', 'parenthesized_expression', 'literal_element']);

/** How a tool value reaches the server: the registering call and the handler next to it, if visible. */
export interface Registration {
  callee: string;
  receiver: string;
  handler: Node | null;
  /** The type of the typed input, from explicit type arguments `mcp.AddTool[In, Out](...)`. */
  typeArgument: string | null;
  /** The registering call's other arguments (a project wrapper's toolset, scopes...). */
  args: Node[];
}

function climb(node: Node): Node {
  let current = node;
  while (current.parent && TRANSPARENT.has(current.parent.type)) current = current.parent;
  return current;
}

/** Finds the call that registers `node` (a tool literal or NewTool call) and its handler argument. */
export function registrationOf(node: Node): Registration | null {
  const top = climb(node);
  const parent = top.parent;
  if (!parent) return null;
  if (parent.type === 'argument_list') return fromCall(parent, top);
  if (parent.type === 'keyed_element') return fromServerTool(parent);
  if (parent.type === 'expression_list') return fromVariable(parent, top);
  return null;
}

function calleeParts(call: Node): [string, string] {
  const fn = call.childForFieldName('function');
  if (fn?.type === 'selector_expression') return [fn.childForFieldName('operand')?.text ?? '', fn.childForFieldName('field')?.text ?? ''];
  return ['', fn?.text ?? ''];
}

function fromCall(argumentList: Node, argument: Node): Registration | null {
  const call = argumentList.parent;
  if (call?.type !== 'call_expression') return null;
  const args = argumentList.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment');
  const index = args.findIndex((arg) => arg.id === argument.id);
  const [receiver, callee] = calleeParts(call);
  const typeArgument = call.childForFieldName('type_arguments')?.namedChildren[0]?.text ?? null;
  // Registration calls put the handler right after the tool; project wrappers usually last.
  const handler = ADD_TOOL.has(callee) ? (args[index + 1] ?? null) : index < args.length - 1 ? args[args.length - 1] : null;
  return { callee, receiver, handler, typeArgument, args };
}

/** mark3labs `server.ServerTool{Tool: ..., Handler: h}`. */
function fromServerTool(keyed: Node): Registration | null {
  const body = keyed.parent;
  if (!body) return null;
  for (const element of body.namedChildren) {
    if (element?.type !== 'keyed_element') continue;
    if (element.namedChildren[0]?.text === 'Handler') {
      return { callee: 'ServerTool', receiver: '', handler: element.namedChildren[1] ?? null, typeArgument: null, args: [] };
    }
  }
  return { callee: 'ServerTool', receiver: '', handler: null, typeArgument: null, args: [] };
}

/** `tool := mcp.NewTool(...)` followed by `s.AddTool(tool, h)` in the same function. */
function fromVariable(list: Node, value: Node): Registration | null {
  const declaration = list.parent;
  if (!declaration || !/short_var_declaration|assignment_statement|var_spec/.test(declaration.type)) return null;
  const name = declaration.childForFieldName('left')?.namedChildren[0]?.text ?? declaration.childForFieldName('name')?.text;
  if (!name || value.id === declaration.childForFieldName('left')?.id) return null;
  let scope: Node | null = declaration.parent;
  while (scope && scope.type !== 'block') scope = scope.parent;
  if (!scope) return null;
  for (const call of scope.descendantsOfType('call_expression')) {
    if (!call || call.startIndex < declaration.endIndex) continue;
    const [receiver, callee] = calleeParts(call);
    if (!ADD_TOOL.has(callee)) continue;
    const args = call.childForFieldName('arguments')?.namedChildren.filter((n): n is Node => n !== null) ?? [];
    const index = args.findIndex((arg) => arg.text === name || arg.text === `&${name}`);
    if (index >= 0) return { callee, receiver, handler: args[index + 1] ?? null, typeArgument: null, args };
  }
  return null;
}

/**
 * Where the handler's code is: a function literal, a package function or method, or a handler factory.
 * `imported` gives the repository's own packages the file imports, by local name, read only on demand.
 */
export function handlerSpan(handler: Node | null, file: string, pkg: GoPackage, imported: () => Map<string, GoPackage>): HandlerSpan | null {
  if (!handler) return null;
  if (handler.type === 'func_literal') {
    return { file, startLine: handler.startPosition.row + 1, endLine: handler.endPosition.row + 1 };
  }
  let name = handler.text;
  if (handler.type === 'call_expression') name = handler.childForFieldName('function')?.text ?? '';
  const dot = name.lastIndexOf('.');
  const fn = dot < 0 ? pkg.functions.get(name) : importedFunction(name.slice(0, dot), name.slice(dot + 1), pkg, imported);
  return fn ? { file: fn.file, startLine: fn.line, endLine: fn.endLine } : null;
}

function importedFunction(qualifier: string, name: string, pkg: GoPackage, imported: () => Map<string, GoPackage>): GoFunction | undefined {
  const packages = imported();
  const owner = packages.get(qualifier);
  if (owner) return owner.functions.get(name);
  // A method value `h.HandleX`: the receiver's type is not known statically, so take the method
  // when exactly one package of the repository declares one by that name.
  const candidates = [pkg, ...packages.values()].flatMap((p) => p.methods.get(name) ?? []);
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** The input type of a typed handler: the third parameter of `func(ctx, req, in In) ...`. */
export function handlerInputType(handler: Node | null, pkg: GoPackage): string | null {
  return handlerParameterTypes(handler, pkg)[2]?.replace(/^\*/, '') ?? null;
}

/** The parameter types of a handler, a function literal or a package function, one per parameter. */
export function handlerParameterTypes(handler: Node | null, pkg: GoPackage): string[] {
  const types: string[] = [];
  if (!handler) return types;
  if (handler.type === 'func_literal') {
    for (const declaration of handler.childForFieldName('parameters')?.namedChildren ?? []) {
      if (declaration?.type !== 'parameter_declaration') continue;
      const type = declaration.childForFieldName('type')?.text ?? '';
      const names = Math.max(1, declaration.childrenForFieldName('name').length);
      for (let i = 0; i < names; i++) types.push(type);
    }
    return types;
  }
  const fn = pkg.functions.get(handler.text);
  for (const declaration of fn?.parameters?.children ?? []) {
    if (declaration.type !== 'parameter_declaration') continue;
    const type = declaration.fields.type?.text ?? '';
    const names = Math.max(1, declaration.children.filter((c) => c.type === 'identifier').length);
    for (let i = 0; i < names; i++) types.push(type);
  }
  return types;
}

/** The `if` conditions a registration sits under, inside its function. */
export function conditionsOf(node: Node): Condition[] {
  const conditions: Condition[] = [];
  let child = node;
  let current = node.parent;
  while (current && !/^(function_declaration|method_declaration|source_file)$/.test(current.type)) {
    if (current.type === 'if_statement') {
      const condition = current.childForFieldName('condition')?.text ?? '';
      const inElse = current.childForFieldName('alternative')?.id === child.id;
      if (condition && current.childForFieldName('condition')?.id !== child.id) {
        conditions.unshift({ kind: conditionKind(condition), expr: inElse ? `!(${condition})` : condition });
      }
    }
    child = current;
    current = current.parent;
  }
  return conditions;
}

function conditionKind(condition: string): Condition['kind'] {
  if (/os\.(Getenv|LookupEnv)/.test(condition)) return 'env';
  if (/\bflag\.|[Ff]lags?\b/.test(condition)) return 'cli-flag';
  if (/[Rr]eadOnly|[Ee]nabled?|[Tt]oolset/.test(condition)) return 'feature-toggle';
  return 'branch';
}
