import type { Node } from '../../parser.ts';
import type { JavaEvaluator } from './evaluate.ts';
import { namedChildren } from './syntax.ts';

/** A helper's parameters as given at one call site. */
export type Bindings = ReadonlyMap<string, Node>;
const NONE: Bindings = new Map();

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const MAX_DEPTH = 12;
const MAP_FACTORIES = new Set(['of', 'ofEntries', 'entry']);
const LIST_FACTORIES = new Set(['of', 'asList', 'singletonList', 'copyOf']);

/**
 * A JSON value written as Java collections: `Map.of("type", "object", ...)`, `Map.ofEntries(Map.entry(...))`,
 * `List.of(...)`, `new McpSchema.JsonSchema(type, properties, required, ...)`, or a JSON string. Undefined when unknown.
 */
export function jsonValue(node: Node | null | undefined, evaluator: JavaEvaluator, depth = 0, bindings: Bindings = NONE): Json | undefined {
  if (!node || depth > MAX_DEPTH) return undefined;
  const bound = node.type === 'identifier' ? bindings.get(node.text) : undefined;
  if (bound) return jsonValue(bound, evaluator, depth + 1);
  switch (node.type) {
    case 'decimal_integer_literal':
    case 'decimal_floating_point_literal': {
      const number = Number(node.text.replace(/[lLfFdD_]/g, ''));
      return Number.isFinite(number) ? number : undefined;
    }
    case 'unary_expression': {
      const value = jsonValue(namedChildren(node)[0], evaluator, depth + 1, bindings);
      return node.text.startsWith('-') && typeof value === 'number' ? -value : undefined;
    }
    case 'true':
    case 'false':
      return node.type === 'true';
    case 'null_literal':
      return null;
    case 'method_invocation':
      return invocationValue(node, evaluator, depth, bindings);
    case 'object_creation_expression':
      return jsonSchemaRecord(node, evaluator, depth, bindings);
    case 'identifier':
    case 'field_access': {
      const definition = evaluator.definition(node);
      if (definition) return jsonValue(definition, evaluator, depth + 1, bindings);
      break;
    }
  }
  const text = evaluator.evaluate(node);
  return text?.complete ? text.text : undefined;
}

function argumentsOf(node: Node): Node[] {
  const list = node.childForFieldName('arguments');
  return list ? namedChildren(list).filter((arg) => arg.type !== 'comment') : [];
}

function invocationValue(node: Node, evaluator: JavaEvaluator, depth: number, bindings: Bindings): Json | undefined {
  const name = node.childForFieldName('name')?.text ?? '';
  const owner = node.childForFieldName('object')?.text.replace(/^java\.util\./, '') ?? '';
  const args = argumentsOf(node);
  if ((owner === 'Map' || (owner === '' && name === 'entry')) && MAP_FACTORIES.has(name)) {
    if (name === 'entry') return undefined;
    const object: Record<string, Json> = {};
    const pairs: [Node, Node][] = [];
    if (name === 'of') for (let index = 0; index + 1 < args.length; index += 2) pairs.push([args[index], args[index + 1]]);
    else for (const entry of args) {
      const [key, value] = entry.type === 'method_invocation' && entry.childForFieldName('name')?.text === 'entry' ? argumentsOf(entry) : [];
      if (key && value) pairs.push([key, value]);
    }
    for (const [keyNode, valueNode] of pairs) {
      const key = evaluator.evaluate(keyNode);
      const value = jsonValue(valueNode, evaluator, depth + 1, bindings);
      if (key?.complete && value !== undefined) object[key.text] = value;
    }
    return object;
  }
  if (['List', 'Arrays', 'Set', 'Collections'].includes(owner) && (LIST_FACTORIES.has(name) || name === 'of')) {
    return args.map((arg) => jsonValue(arg, evaluator, depth + 1, bindings)).filter((value): value is Json => value !== undefined);
  }
  const text = evaluator.evaluate(node);
  return text?.complete ? text.text : undefined;
}

/** `new McpSchema.JsonSchema(type, properties, required, additionalProperties, $defs, definitions)`. */
function jsonSchemaRecord(node: Node, evaluator: JavaEvaluator, depth: number, bindings: Bindings): Json | undefined {
  if (!/(^|\.)JsonSchema$/.test(node.childForFieldName('type')?.text ?? '')) return undefined;
  const [type, properties, required, additional] = argumentsOf(node).map((arg) => jsonValue(arg, evaluator, depth + 1, bindings));
  const schema: Record<string, Json> = {};
  if (typeof type === 'string') schema.type = type;
  if (properties && typeof properties === 'object' && !Array.isArray(properties)) schema.properties = properties;
  if (Array.isArray(required) && required.length) schema.required = required;
  if (typeof additional === 'boolean') schema.additionalProperties = additional;
  return schema;
}

/** A schema given as collections, a `JsonSchema` record, or JSON text. */
export function jsonSchema(node: Node | null | undefined, evaluator: JavaEvaluator, bindings: Bindings = NONE): Record<string, unknown> | null {
  const value = jsonValue(node, evaluator, 0, bindings);
  if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  if (typeof value !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
