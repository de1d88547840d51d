import type { DynamicDraft, ToolDraft } from '../../extractor.ts';
import type { Condition } from '../../../model/index.ts';
import type { Node } from '../../parser.ts';
import { toolAnnotations, type DeclaredAnnotations } from '../java/hints.ts';
import type { KotlinEvaluator } from './evaluate.ts';
import { schemaCall, toolSchema } from './schema.ts';
import { argument, calleeText, descendantsOfType, line, namedChildren, readCall, type Call } from './syntax.ts';

const HINT_ORDER = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const;

interface Input {
  path: string;
  root: Node;
  evaluator: KotlinEvaluator;
}

/** The parts of one tool, wherever they were written. */
interface Parts {
  at: Node;
  style: string;
  name: Node | null;
  description: Node | null;
  title: Node | null;
  schema: Node | null;
  annotations: Node | null;
  handler: Node | null;
  /** The registration, for its conditions. */
  registration: Node;
}

/** Names a helper function's parameters stand for at one of its call sites. */
type Bindings = ReadonlyMap<string, Node>;
const NO_BINDINGS: Bindings = new Map();

type Registration =
  | { kind: 'tool'; parts: Parts }
  | { kind: 'dynamic'; reason: string }
  /** The registration takes its tool from the parameters of the function around it: a helper. */
  | { kind: 'wrapper'; fn: Node };

/**
 * Tools of the Kotlin SDK: `addTool(name, description, inputSchema...) { }` with named or positional
 * arguments, `addTool(tool: Tool) { }`, and `RegisteredTool(Tool(...)) { }` handed to `addTools`.
 * A helper function that registers a tool from its parameters is expanded at its call sites in the file.
 */
export function kotlinTools(input: Input): { tools: ToolDraft[]; dynamic: DynamicDraft[] } {
  const tools: ToolDraft[] = [];
  const dynamic: DynamicDraft[] = [];
  const wrappers = new Map<string, { fn: Node; registrations: Call[] }>();
  const calls = descendantsOfType(input.root, ['call_expression']).map(readCall).filter((call): call is Call => call !== null);
  for (const call of calls) {
    const found = registration(call, NO_BINDINGS, input.evaluator);
    if (found?.kind === 'tool') tools.push(draft(found.parts, input));
    else if (found?.kind === 'dynamic') dynamic.push({ file: input.path, line: line(call.callee), reason: found.reason });
    else if (found?.kind === 'wrapper') {
      const name = functionName(found.fn);
      if (!name) continue;
      const wrapper = wrappers.get(name) ?? { fn: found.fn, registrations: [] };
      wrapper.registrations.push(call);
      wrappers.set(name, wrapper);
    }
  }
  for (const site of calls) {
    const wrapper = wrappers.get(site.name);
    if (!wrapper || isInside(site.node, wrapper.fn)) continue;
    const bindings = bind(wrapper.fn, site);
    for (const inner of wrapper.registrations) {
      const found = registration(inner, bindings, input.evaluator);
      if (found?.kind !== 'tool') continue;
      const parts = { ...found.parts, at: site.callee, registration: site.node, handler: site.lambda ?? found.parts.handler };
      tools.push(draft({ ...parts, style: `${found.parts.style} via ${site.name}` }, input));
    }
  }
  return { tools, dynamic };
}

function registration(call: Call, bindings: Bindings, evaluator: KotlinEvaluator): Registration | null {
  if (call.name === 'addTool') {
    const written = toolArgument(call, evaluator);
    const toolArg = bound(written, bindings);
    const fn = toolArg ? wrapperOf(toolArg, bindings) : null;
    if (fn) return { kind: 'wrapper', fn };
    const toolCall = toolArg ? toolConstruction(toolArg, evaluator) : null;
    if (toolCall) return partsOf(toolParts(toolCall, call), bindings);
    if (toolArg) return { kind: 'dynamic', reason: `addTool with a Tool value that is not written here (${toolArg.text})` };
    return argument(call, 'name', 0) ? partsOf(addToolParts(call), bindings) : null;
  }
  if (call.name === 'RegisteredTool') {
    const toolArg = bound(argument(call, 'tool', 0), bindings);
    const fn = toolArg ? wrapperOf(toolArg, bindings) : null;
    if (fn) return { kind: 'wrapper', fn };
    const toolCall = toolArg ? toolConstruction(toolArg, evaluator) : null;
    if (toolCall) return partsOf({ ...toolParts(toolCall, call), handler: call.lambda ?? lambdaArgument(call) }, bindings);
    return { kind: 'dynamic', reason: `RegisteredTool with a Tool value that is not written here (${toolArg?.text ?? '?'})` };
  }
  const list = call.name === 'addTools' ? call.args[0]?.value : undefined;
  if (list && !descendantsOfType(list, ['call_expression']).some((inner) => readCall(inner)?.name === 'RegisteredTool')) {
    if (wrapperOf(list, bindings)) return null;
    return { kind: 'dynamic', reason: `addTools with a list built elsewhere (${list.text.slice(0, 80)})` };
  }
  return null;
}

/** Substitutes a helper's parameters; a name or description still taken from a parameter marks a helper. */
function partsOf(written: Parts, bindings: Bindings): Registration {
  const parts: Parts = {
    ...written,
    name: bound(written.name, bindings),
    description: bound(written.description, bindings),
    title: bound(written.title, bindings),
    schema: bound(written.schema, bindings),
    annotations: bound(written.annotations, bindings),
  };
  const fn = (parts.name && wrapperOf(parts.name, bindings)) || (parts.description && wrapperOf(parts.description, bindings));
  return fn ? { kind: 'wrapper', fn } : { kind: 'tool', parts };
}

function bound(node: Node | null, bindings: Bindings): Node | null {
  return node?.type === 'simple_identifier' ? bindings.get(node.text) ?? node : node;
}

/** The function whose parameter `node` is (when not already bound at a call site), or null. */
function wrapperOf(node: Node, bindings: Bindings): Node | null {
  if (node.type !== 'simple_identifier' || bindings.has(node.text)) return null;
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'lambda_literal' && lambdaParameters(current).includes(node.text)) return null;
    if (current.type !== 'function_declaration') continue;
    return parameterNames(current).includes(node.text) ? current : null;
  }
  return null;
}

function lambdaParameters(lambda: Node): string[] {
  const list = namedChildren(lambda).find((child) => child.type === 'lambda_parameters');
  return list ? descendantsOfType(list, ['simple_identifier']).map((name) => name.text) : [];
}

function parameterNames(fn: Node): string[] {
  const list = namedChildren(fn).find((child) => child.type === 'function_value_parameters');
  const parameters = list ? namedChildren(list).filter((child) => child.type === 'parameter') : [];
  return parameters.map((parameter) => namedChildren(parameter).find((child) => child.type === 'simple_identifier')?.text ?? '');
}

function functionName(fn: Node): string | null {
  return namedChildren(fn).find((child) => child.type === 'simple_identifier')?.text ?? null;
}

function isInside(node: Node, container: Node): boolean {
  return node.startIndex >= container.startIndex && node.endIndex <= container.endIndex;
}

/** A call site's arguments by parameter name: named ones, positional ones in order, a trailing lambda last. */
function bind(fn: Node, site: Call): Bindings {
  const names = parameterNames(fn);
  const bindings = new Map<string, Node>();
  site.args.filter((arg) => arg.name === null).forEach((arg, index) => {
    if (names[index]) bindings.set(names[index], arg.value);
  });
  for (const arg of site.args) if (arg.name) bindings.set(arg.name, arg.value);
  const last = names[names.length - 1];
  if (site.lambda && last && !bindings.has(last)) bindings.set(last, site.lambda);
  return bindings;
}

/**
 * The Tool of `addTool(tool, handler)`: named `tool`, or a first positional argument that is not a
 * name (no string, and followed by nothing but a handler).
 */
function toolArgument(call: Call, evaluator: KotlinEvaluator): Node | null {
  const named = argument(call, 'tool', null);
  if (named) return named;
  if (call.args.some((arg) => arg.name === 'name' || arg.name === 'description')) return null;
  const [first, second, ...rest] = call.args.filter((arg) => arg.name === null).map((arg) => arg.value);
  if (!first || rest.length || evaluator.evaluate(first)) return null;
  if (toolConstruction(first, evaluator)) return first;
  return !second || second.type === 'lambda_literal' || second.type === 'callable_reference' ? first : null;
}

/** A `Tool(...)` construction, written in place or held by a `val`. */
function toolConstruction(node: Node, evaluator: KotlinEvaluator): Call | null {
  const call = readCall(node) ?? (node.type === 'simple_identifier' || node.type === 'navigation_expression' ? readCall(evaluator.definition(node) ?? node) : null);
  if (!call) return null;
  const written = calleeText(call);
  return written === 'Tool' || written.endsWith('.Tool') ? call : null;
}

function lambdaArgument(call: Call): Node | null {
  const handler = argument(call, 'handler', 1);
  return handler?.type === 'lambda_literal' ? handler : null;
}

/** `addTool(name, description, inputSchema, title, outputSchema, toolAnnotations, ...)`, as in every release. */
function addToolParts(call: Call): Parts {
  return {
    at: call.callee,
    style: 'addTool',
    name: argument(call, 'name', 0),
    description: argument(call, 'description', 1),
    schema: argument(call, 'inputSchema', 2),
    title: argument(call, 'title', 3),
    annotations: argument(call, 'toolAnnotations', 5),
    handler: call.lambda ?? (argument(call, 'handler', null)?.type === 'lambda_literal' ? argument(call, 'handler', null) : null),
    registration: call.node,
  };
}

/**
 * `Tool(name, inputSchema, description, outputSchema, title, annotations)` (0.8+) or
 * `Tool(name, description, inputSchema, annotations)` (up to 0.7): the second positional argument tells which.
 */
function toolParts(tool: Call, registration: Call): Parts {
  const second = argument(tool, 'inputSchema', null) ? null : tool.args.filter((arg) => arg.name === null)[1]?.value ?? null;
  const secondCall = second ? readCall(second) : null;
  const current = !second || (secondCall !== null && /ToolSchema|Input$/.test(calleeText(secondCall)));
  return {
    at: tool.callee,
    style: registration.name === 'RegisteredTool' ? 'RegisteredTool' : 'addTool(Tool)',
    name: argument(tool, 'name', 0),
    description: argument(tool, 'description', current ? 2 : 1),
    schema: argument(tool, 'inputSchema', current ? 1 : 2),
    title: argument(tool, 'title', current ? 4 : null),
    annotations: argument(tool, 'annotations', current ? 5 : 3),
    handler: registration.lambda,
    registration: registration.node,
  };
}

function draft(parts: Parts, input: Input): ToolDraft {
  const { evaluator } = input;
  const name = evaluator.evaluate(parts.name);
  const description = evaluator.evaluate(parts.description);
  const declared = declaredAnnotations(parts.annotations, evaluator);
  const { annotations, annotationsOrigin } = toolAnnotations(declared, false);
  const schemaArgument = schemaCall(parts.schema, evaluator);
  const nameResolved = name?.complete ?? false;
  const tool: ToolDraft = {
    name: name?.text ?? parts.name?.text ?? '<unnamed>',
    nameResolved,
    title: evaluator.evaluate(parts.title)?.text ?? declared?.title ?? null,
    description: description?.text ?? null,
    descriptionResolved: !parts.description || !description ? 'none' : description.complete ? 'full' : 'partial',
    // No inputSchema argument means the SDK's default `ToolSchema()`: an object without properties.
    inputSchema: schemaArgument ? toolSchema(schemaArgument, evaluator) : parts.schema ? null : { type: 'object' },
    annotations,
    annotationsOrigin,
    file: input.path,
    line: line(parts.at),
    sdk: 'kotlin-mcp-sdk',
    style: parts.style,
    conditions: conditionsOf(parts.registration),
    confidence: nameResolved ? 1 : 0.6,
    handler: parts.handler ? { file: input.path, startLine: line(parts.handler), endLine: parts.handler.endPosition.row + 1 } : null,
  };
  if (!nameResolved && parts.name) tool.nameExpr = parts.name.text;
  if (parts.description && description?.complete !== true) tool.descriptionExpr = parts.description.text;
  if (schemaArgument) tool.inputSchemaSource = 'json-builder';
  else if (!parts.schema) tool.inputSchemaSource = 'sdk-default';
  return tool;
}

/** `ToolAnnotations(title, readOnlyHint, destructiveHint, idempotentHint, openWorldHint)`; unset hints stay unset. */
function declaredAnnotations(node: Node | null, evaluator: KotlinEvaluator): DeclaredAnnotations | null {
  const call = node ? readCall(node) ?? readCall(evaluator.definition(node) ?? node) : null;
  if (!call || !calleeText(call).endsWith('ToolAnnotations')) return null;
  const declared: DeclaredAnnotations = { hints: {} };
  const title = evaluator.evaluate(argument(call, 'title', 0));
  if (title?.text) declared.title = title.text;
  HINT_ORDER.forEach((hint, index) => {
    const value = argument(call, hint, index + 1);
    if (value?.type === 'boolean_literal') declared.hints[hint] = value.text === 'true';
  });
  return declared;
}

/** `if (...)` and `when` branches around a registration, up to its function. */
function conditionsOf(registration: Node): Condition[] {
  const conditions: Condition[] = [];
  let child = registration;
  for (let node = registration.parent; node; child = node, node = node.parent) {
    if (node.type === 'function_declaration' || node.type === 'source_file' || node.type === 'class_body') break;
    if (node.type === 'if_expression') {
      const test = namedChildren(node)[0];
      if (!test || test.id === child.id) continue;
      const bodies = namedChildren(node).filter((part) => part.type === 'control_structure_body');
      const negated = bodies.length > 1 && bodies[1].id === child.id;
      conditions.unshift({ kind: conditionKind(test.text), expr: negated ? `!(${test.text})` : test.text });
    } else if (node.type === 'when_entry') {
      const test = namedChildren(node).find((part) => part.type === 'when_condition');
      if (test) conditions.unshift({ kind: conditionKind(test.text), expr: test.text });
    }
  }
  return conditions;
}

function conditionKind(text: string): Condition['kind'] {
  if (/getenv|System\.env|environment/i.test(text)) return 'env';
  if (/\bargs\b|--/.test(text)) return 'cli-flag';
  return 'feature-toggle';
}
