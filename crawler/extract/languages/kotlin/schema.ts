import type { Node } from '../../parser.ts';
import type { KotlinEvaluator } from './evaluate.ts';
import { argument, calleeText, namedChildren, readCall, type Call } from './syntax.ts';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Schema = Record<string, unknown>;

/** Schema constructors: `ToolSchema` (0.8+) and `Tool.Input` (up to 0.7). */
export function isSchemaCall(call: Call | null): boolean {
  if (!call) return false;
  const written = calleeText(call);
  return written === 'ToolSchema' || written.endsWith('.ToolSchema') || written === 'Tool.Input' || written.endsWith('Tool.Input') || written === 'Input';
}

/** A schema argument: the constructor call itself, or a `val` holding one. */
export function schemaCall(node: Node | null, evaluator: KotlinEvaluator): Call | null {
  if (!node) return null;
  const call = readCall(node);
  if (isSchemaCall(call)) return call;
  if (node.type !== 'simple_identifier' && node.type !== 'navigation_expression') return null;
  const definition = evaluator.definition(node);
  const defined = definition ? readCall(definition) : null;
  return isSchemaCall(defined) ? defined : null;
}

/**
 * The JSON Schema of `ToolSchema(properties = buildJsonObject { ... }, required = listOf(...))`.
 * Properties that are not written as JSON builders stay out (best effort).
 */
export function toolSchema(call: Call, evaluator: KotlinEvaluator): Schema {
  const schema: Schema = { type: 'object' };
  const named = (name: string) => argument(call, name, null);
  let properties = named('properties');
  let required = named('required');
  // Positional arguments are told apart by what they hold (ToolSchema starts with `$schema`, Tool.Input with properties).
  for (const arg of call.args.filter((candidate) => candidate.name === null)) {
    const value = jsonValue(arg.value, evaluator, 0);
    if (value && typeof value === 'object' && !Array.isArray(value)) properties ??= arg.value;
    else if (Array.isArray(value)) required ??= arg.value;
  }
  const props = properties ? jsonValue(properties, evaluator, 0) : undefined;
  if (props && typeof props === 'object' && !Array.isArray(props)) schema.properties = props;
  const list = required ? jsonValue(required, evaluator, 0) : undefined;
  if (Array.isArray(list) && list.length) schema.required = list;
  return schema;
}

const MAX_DEPTH = 12;

/** A JSON value written with kotlinx.serialization builders, maps and lists; undefined when unknown. */
function jsonValue(node: Node, evaluator: KotlinEvaluator, depth: number): Json | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (node.type) {
    case 'integer_literal':
    case 'real_literal': {
      const number = Number(node.text.replace(/[lLfF_]/g, ''));
      return Number.isFinite(number) ? number : undefined;
    }
    case 'prefix_expression': {
      const inner = namedChildren(node)[0];
      const value = inner ? jsonValue(inner, evaluator, depth + 1) : undefined;
      return node.text.startsWith('-') && typeof value === 'number' ? -value : undefined;
    }
    case 'boolean_literal':
      return node.text === 'true';
    case 'null_literal':
      return null;
    case 'call_expression':
      return callValue(node, evaluator, depth);
    case 'simple_identifier':
    case 'navigation_expression': {
      const definition = evaluator.definition(node);
      if (definition) return jsonValue(definition, evaluator, depth + 1);
      break;
    }
  }
  const text = evaluator.evaluate(node);
  return text?.complete ? text.text : undefined;
}

function callValue(node: Node, evaluator: KotlinEvaluator, depth: number): Json | undefined {
  const call = readCall(node);
  if (!call) return undefined;
  const args = call.args.map((arg) => arg.value);
  switch (call.name) {
    case 'buildJsonObject':
      return call.lambda ? objectBuilder(call.lambda, evaluator, depth + 1) : {};
    case 'buildJsonArray':
      return call.lambda ? arrayBuilder(call.lambda, evaluator, depth + 1) : [];
    case 'JsonPrimitive':
      return args[0] ? jsonValue(args[0], evaluator, depth + 1) : undefined;
    case 'JsonObject':
    case 'JsonArray':
      return args[0] ? jsonValue(args[0], evaluator, depth + 1) : call.name === 'JsonObject' ? {} : [];
    case 'mapOf':
    case 'linkedMapOf':
    case 'hashMapOf':
    case 'mutableMapOf':
      return pairs(args, evaluator, depth);
    case 'listOf':
    case 'arrayOf':
    case 'setOf':
    case 'mutableListOf':
      return args.map((arg) => jsonValue(arg, evaluator, depth + 1)).filter((value): value is Json => value !== undefined);
    case 'emptyList':
    case 'emptyArray':
      return [];
    case 'emptyMap':
      return {};
    default:
      return undefined;
  }
}

/** `mapOf("a" to x, ...)`. */
function pairs(args: Node[], evaluator: KotlinEvaluator, depth: number): Json {
  const object: Record<string, Json> = {};
  for (const arg of args) {
    if (arg.type !== 'infix_expression') continue;
    const [left, operator, right] = namedChildren(arg);
    if (operator?.text !== 'to' || !left || !right) continue;
    const key = evaluator.evaluate(left);
    const value = jsonValue(right, evaluator, depth + 1);
    if (key?.complete && value !== undefined) object[key.text] = value;
  }
  return object;
}

/** The body of `buildJsonObject { put("k", v); putJsonObject("k") { ... }; putJsonArray("k") { ... } }`. */
function objectBuilder(lambda: Node, evaluator: KotlinEvaluator, depth: number): Json {
  const object: Record<string, Json> = {};
  for (const call of statementCalls(lambda)) {
    const [keyNode, valueNode] = call.args.map((arg) => arg.value);
    const key = keyNode ? evaluator.evaluate(keyNode) : null;
    if (!key?.complete) continue;
    let value: Json | undefined;
    if (call.name === 'put') value = valueNode ? jsonValue(valueNode, evaluator, depth + 1) : undefined;
    else if (call.name === 'putJsonObject') value = call.lambda ? objectBuilder(call.lambda, evaluator, depth + 1) : {};
    else if (call.name === 'putJsonArray') value = call.lambda ? arrayBuilder(call.lambda, evaluator, depth + 1) : [];
    if (value !== undefined) object[key.text] = value;
  }
  return object;
}

function arrayBuilder(lambda: Node, evaluator: KotlinEvaluator, depth: number): Json {
  const array: Json[] = [];
  for (const call of statementCalls(lambda)) {
    let value: Json | undefined;
    if (call.name === 'add') value = call.args[0] ? jsonValue(call.args[0].value, evaluator, depth + 1) : undefined;
    else if (call.name === 'addJsonObject') value = call.lambda ? objectBuilder(call.lambda, evaluator, depth + 1) : {};
    else if (call.name === 'addJsonArray') value = call.lambda ? arrayBuilder(call.lambda, evaluator, depth + 1) : [];
    if (value !== undefined) array.push(value);
  }
  return array;
}

/** The calls that are statements of a lambda's body (not nested ones). */
function statementCalls(lambda: Node): Call[] {
  const statements = namedChildren(lambda).find((child) => child.type === 'statements');
  return (statements ? namedChildren(statements) : []).map(readCall).filter((call): call is Call => call !== null);
}
