import type { Node } from '../../parser.ts';
import type { Evaluator } from './evaluate.ts';
import { toJson } from './json-value.ts';
import type { Module } from './program.ts';
import { findDeclaration } from './scope.ts';
import { callArguments, memberName, unwrap } from './syntax.ts';
import type { Env, Value } from './values.ts';

type JsonSchema = Record<string, unknown>;
interface Property {
  schema: JsonSchema;
  optional: boolean;
}

const MAX_SCHEMA_DEPTH = 12;

/**
 * The JSON Schema of a tool's input as the SDK would send it: Zod raw shapes, `z.object(...)` chains,
 * `zodToJsonSchema(X)`, or JSON literals. Best effort: an unreadable property becomes `{}`.
 */
export function inputSchemaOf(evaluator: Evaluator, value: Value | null): JsonSchema | null {
  if (!value) return { type: 'object', properties: {} };
  if (value.kind === 'obj') {
    if (isJsonSchemaLiteral(value)) return toJson(evaluator, value) as JsonSchema;
    return objectSchema(evaluator, value, 0);
  }
  if (value.kind === 'unknown' && value.node && value.mod) {
    const schema = zodSchema(evaluator, value.node, value.mod, value.env ?? new Map(), 0).schema;
    return Object.keys(schema).length > 0 ? schema : null;
  }
  return null;
}

/**
 * A JSON Schema written out (`{ type: "object", properties: {...} }`), as opposed to a Zod raw shape,
 * whose property values are Zod calls even when a property is called `type` or `properties`.
 */
export function isJsonSchemaLiteral(value: Extract<Value, { kind: 'obj' }>): boolean {
  const literal = (key: string, kind: string): boolean => {
    const node = value.entries.get(key)?.node;
    return node ? unwrap(node).type === kind : false;
  };
  return literal('type', 'string') || literal('properties', 'object') || literal('$schema', 'string');
}

function objectSchema(evaluator: Evaluator, shape: Extract<Value, { kind: 'obj' }>, depth: number): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [key, entry] of shape.entries) {
    const property = entry.node ? zodSchema(evaluator, entry.node, entry.mod, entry.env, depth + 1) : { schema: {}, optional: false };
    properties[key] = property.schema;
    if (!property.optional) required.push(key);
  }
  return required.length > 0 ? { type: 'object', properties, required } : { type: 'object', properties };
}

function zodSchema(evaluator: Evaluator, raw: Node, mod: Module, env: Env, depth: number): Property {
  const node = unwrap(raw);
  if (depth > MAX_SCHEMA_DEPTH) return { schema: {}, optional: false };
  if (node.type === 'identifier' || node.type === 'member_expression' || node.type === 'shorthand_property_identifier') {
    const value = evaluator.evaluate(node, mod, env);
    if (value.kind === 'unknown' && value.node && value.mod && !value.node.equals(node)) {
      return zodSchema(evaluator, value.node, value.mod, value.env ?? env, depth + 1);
    }
    if (value.kind === 'obj') {
      return { schema: isJsonSchemaLiteral(value) ? (toJson(evaluator, value) as JsonSchema) : objectSchema(evaluator, value, depth + 1), optional: false };
    }
    return { schema: {}, optional: false };
  }
  if (node.type === 'object') {
    const value = evaluator.evaluate(node, mod, env);
    if (value.kind === 'obj') return { schema: isJsonSchemaLiteral(value) ? (toJson(evaluator, value) as JsonSchema) : objectSchema(evaluator, value, depth + 1), optional: false };
  }
  if (node.type !== 'call_expression') return { schema: {}, optional: false };
  const callee = unwrap(node.childForFieldName('function') ?? node);
  const args = callArguments(node);
  if (callee.type === 'identifier') {
    // zodToJsonSchema(X), toJsonSchema(X): the schema of X.
    if (/json.?schema/i.test(callee.text) && args[0]) return zodSchema(evaluator, args[0], mod, env, depth + 1);
    return { schema: {}, optional: false };
  }
  const method = memberName(callee);
  const receiver = callee.childForFieldName('object');
  if (!method || !receiver) return { schema: {}, optional: false };
  if (method === 'toJSONSchema' && args[0]) return zodSchema(evaluator, args[0], mod, env, depth + 1);
  if (isZodRoot(evaluator, receiver, mod)) return base(evaluator, method, args, mod, env, depth);
  return modify(evaluator, zodSchema(evaluator, receiver, mod, env, depth + 1), method, args, mod, env, depth);
}

/** `z`, `zod`, `z.coerce`, or any name imported from a zod package. */
function isZodRoot(evaluator: Evaluator, receiver: Node, mod: Module): boolean {
  const node = unwrap(receiver);
  if (node.type === 'member_expression') return memberName(node) === 'coerce' && isZodRoot(evaluator, node.childForFieldName('object')!, mod);
  if (node.type !== 'identifier') return false;
  if (node.text === 'z' || node.text === 'zod') return true;
  const declaration = findDeclaration(evaluator.program, node.text, node, mod);
  return declaration?.kind === 'import' && /^zod(\/|$)/.test(declaration.specifier);
}

function base(evaluator: Evaluator, method: string, args: Node[], mod: Module, env: Env, depth: number): Property {
  const plain = (schema: JsonSchema): Property => ({ schema, optional: false });
  const arg = (index: number): Value | null => (args[index] ? evaluator.evaluate(args[index], mod, env) : null);
  const inner = (index: number): JsonSchema => (args[index] ? zodSchema(evaluator, args[index], mod, env, depth + 1).schema : {});
  switch (method) {
    case 'string': return plain({ type: 'string' });
    case 'number': return plain({ type: 'number' });
    case 'int': case 'bigint': return plain({ type: 'integer' });
    case 'boolean': return plain({ type: 'boolean' });
    case 'date': return plain({ type: 'string', format: 'date-time' });
    case 'null': return plain({ type: 'null' });
    case 'email': case 'url': case 'uuid': return plain({ type: 'string', format: method === 'url' ? 'uri' : method });
    case 'array': return plain({ type: 'array', items: inner(0) });
    case 'tuple': {
      const items = arg(0);
      return plain({ type: 'array', prefixItems: items?.kind === 'arr' ? items.items.map((item) => schemaOfValue(evaluator, item.value, depth)) : [] });
    }
    case 'enum': case 'nativeEnum': {
      const values = arg(0);
      const list = values?.kind === 'arr' ? values.items.map((item) => item.value) : values?.kind === 'obj' ? [...values.entries.values()].map((entry) => evaluator.entryValue(entry)) : [];
      const literals = list.filter((v) => v.kind === 'str' || v.kind === 'num').map((v) => (v as { value: string | number }).value);
      return plain(literals.length > 0 ? { type: typeof literals[0] === 'number' ? 'number' : 'string', enum: literals } : { type: 'string' });
    }
    case 'literal': {
      const value = arg(0);
      if (value && (value.kind === 'str' || value.kind === 'num' || value.kind === 'bool')) return plain({ type: typeof value.value === 'number' ? 'number' : typeof value.value, const: value.value });
      return plain({});
    }
    case 'object': case 'strictObject': case 'looseObject': {
      const shape = arg(0);
      return plain(shape?.kind === 'obj' ? objectSchema(evaluator, shape, depth + 1) : { type: 'object' });
    }
    case 'union': case 'discriminatedUnion': {
      const options = arg(method === 'union' ? 0 : 1);
      return plain({ anyOf: options?.kind === 'arr' ? options.items.map((item) => schemaOfValue(evaluator, item.value, depth)) : [] });
    }
    case 'record': return plain({ type: 'object', additionalProperties: inner(args.length - 1) });
    case 'optional': return { schema: inner(0), optional: true };
    case 'nullable': return plain({ anyOf: [inner(0), { type: 'null' }] });
    case 'preprocess': return { schema: inner(1), optional: false };
    default: return plain({});
  }
}

function schemaOfValue(evaluator: Evaluator, value: Value, depth: number): JsonSchema {
  if (value.kind === 'unknown' && value.node && value.mod) return zodSchema(evaluator, value.node, value.mod, value.env ?? new Map(), depth + 1).schema;
  return {};
}

function modify(evaluator: Evaluator, inner: Property, method: string, args: Node[], mod: Module, env: Env, depth: number): Property {
  const schema = { ...inner.schema };
  const first = args[0] ? evaluator.evaluate(args[0], mod, env) : null;
  const bound = (kind: 'min' | 'max'): string => {
    if (schema.type === 'string') return kind === 'min' ? 'minLength' : 'maxLength';
    if (schema.type === 'array') return kind === 'min' ? 'minItems' : 'maxItems';
    return kind === 'min' ? 'minimum' : 'maximum';
  };
  switch (method) {
    case 'describe':
      if (first && (first.kind === 'str' || first.kind === 'partial')) schema.description = first.value;
      return { schema, optional: inner.optional };
    case 'optional':
      return { schema, optional: true };
    case 'nullish':
      return { schema: { anyOf: [schema, { type: 'null' }] }, optional: true };
    case 'nullable':
      return { schema: { anyOf: [schema, { type: 'null' }] }, optional: inner.optional };
    case 'default':
    case 'catch':
      if (method === 'default' && first && first.kind !== 'unknown' && first.kind !== 'fn') schema.default = toJson(evaluator, first);
      return { schema, optional: true };
    case 'int':
      return { schema: { ...schema, type: 'integer' }, optional: inner.optional };
    case 'min': case 'gte': case 'max': case 'lte': case 'length':
      if (first?.kind === 'num') {
        if (method === 'length') schema[bound('min')] = schema[bound('max')] = first.value;
        else schema[bound(method === 'min' || method === 'gte' ? 'min' : 'max')] = first.value;
      }
      return { schema, optional: inner.optional };
    case 'positive': case 'nonnegative':
      schema[method === 'positive' ? 'exclusiveMinimum' : 'minimum'] = 0;
      return { schema, optional: inner.optional };
    case 'nonempty':
      schema[bound('min')] = 1;
      return { schema, optional: inner.optional };
    case 'email': case 'url': case 'uuid': case 'datetime':
      schema.format = method === 'url' ? 'uri' : method === 'datetime' ? 'date-time' : method;
      return { schema, optional: inner.optional };
    case 'regex':
      if (args[0]?.type === 'regex') schema.pattern = args[0].childForFieldName('pattern')?.text ?? args[0].text;
      return { schema, optional: inner.optional };
    case 'array':
      return { schema: { type: 'array', items: schema }, optional: false };
    case 'or':
      return { schema: { anyOf: [schema, args[0] ? zodSchema(evaluator, args[0], mod, env, depth + 1).schema : {}] }, optional: inner.optional };
    case 'extend':
    case 'merge': {
      const extra = args[0] ? zodSchema(evaluator, args[0], mod, env, depth + 1).schema : {};
      const extension = first?.kind === 'obj' && method === 'extend' ? objectSchemaOf(evaluator, first, depth) : extra;
      const properties = { ...(schema.properties as object), ...(extension.properties as object) };
      const required = [...((schema.required as string[]) ?? []), ...((extension.required as string[]) ?? [])];
      return { schema: { ...schema, properties, ...(required.length ? { required } : {}) }, optional: inner.optional };
    }
    default:
      // refine, transform, passthrough, strict, brand, pipe...: the schema a client sees is unchanged.
      return inner;
  }
}

function objectSchemaOf(evaluator: Evaluator, value: Extract<Value, { kind: 'obj' }>, depth: number): JsonSchema {
  return objectSchema(evaluator, value, depth + 1);
}
