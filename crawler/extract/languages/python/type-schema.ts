import type { Node } from '../../parser.ts';
import { MAX_EVAL_DEPTH, asText, evaluate, toJson } from './evaluate.ts';
import { classSchema } from './model-schema.ts';
import type { ModuleScope } from './module-scope.ts';
import { callArguments, dottedName, namedChildren, unwrap } from './nodes.ts';

export type JsonSchema = Record<string, unknown>;

const PRIMITIVES: Record<string, JsonSchema> = {
  str: { type: 'string' }, bytes: { type: 'string' }, int: { type: 'integer' }, float: { type: 'number' },
  bool: { type: 'boolean' }, dict: { type: 'object' }, Dict: { type: 'object' }, Mapping: { type: 'object' },
  list: { type: 'array' }, List: { type: 'array' }, Sequence: { type: 'array' }, tuple: { type: 'array' },
  Tuple: { type: 'array' }, set: { type: 'array', uniqueItems: true }, Set: { type: 'array', uniqueItems: true },
  Iterable: { type: 'array' }, Any: {}, object: {}, None: { type: 'null' }, AnyUrl: { type: 'string', format: 'uri' },
  HttpUrl: { type: 'string', format: 'uri' }, Path: { type: 'string', format: 'path' }, datetime: { type: 'string', format: 'date-time' },
  date: { type: 'string', format: 'date' },
};

const ARRAYS = new Set(['list', 'List', 'Sequence', 'tuple', 'Tuple', 'set', 'Set', 'Iterable', 'frozenset']);
const OBJECTS = new Set(['dict', 'Dict', 'Mapping']);

/** The generic head and arguments of `X[A, B]` in either of the grammar's shapes. */
function genericParts(node: Node): { head: string; args: Node[] } | null {
  if (node.type === 'generic_type') {
    const [head, parameters] = namedChildren(node);
    if (!head || !parameters) return null;
    return { head: dottedName(head)?.pop() ?? head.text, args: namedChildren(parameters) };
  }
  if (node.type === 'subscript') {
    const value = node.childForFieldName('value');
    if (!value) return null;
    const args = node.childrenForFieldName('subscript').filter((child): child is Node => child !== null);
    return { head: dottedName(value)?.pop() ?? value.text, args: args.length === 1 && unwrap(args[0]).type === 'tuple' ? namedChildren(unwrap(args[0])) : args };
  }
  return null;
}

/** True for parameters the SDK injects rather than the caller (`ctx: Context`). */
export function isInjectedType(typeNode: Node): boolean {
  return /(^|[^\w])Context\b/.test(typeNode.text);
}

function nullable(schema: JsonSchema): JsonSchema {
  return { anyOf: [schema, { type: 'null' }] };
}

/** JSON Schema of a Python type annotation, the way pydantic would render it (best effort). */
export function typeSchema(typeNode: Node, scope: ModuleScope, depth = 0): JsonSchema {
  if (depth > MAX_EVAL_DEPTH) return {};
  const node = unwrap(typeNode);
  if (node.type === 'none') return { type: 'null' };
  if (node.type === 'string') {
    const text = asText(evaluate(node, scope, depth + 1));
    return text?.complete && /^[\w.]+$/.test(text.text) ? namedSchema(text.text.split('.'), scope, depth) : {};
  }
  if (node.type === 'union_type') return union(namedChildren(node), scope, depth);
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '|') {
    return union([node.childForFieldName('left'), node.childForFieldName('right')], scope, depth);
  }
  const generic = genericParts(node);
  if (generic) return genericSchema(generic.head, generic.args, scope, depth);
  const parts = dottedName(node);
  return parts ? namedSchema(parts, scope, depth) : {};
}

function namedSchema(parts: string[], scope: ModuleScope, depth: number): JsonSchema {
  const name = parts[parts.length - 1];
  if (name in PRIMITIVES) return { ...PRIMITIVES[name] };
  return classSchema(scope, parts, depth + 1) ?? {};
}

function union(members: (Node | null)[], scope: ModuleScope, depth: number): JsonSchema {
  const schemas = members.filter((member): member is Node => member !== null).flatMap((member) => {
    const schema = typeSchema(member, scope, depth + 1);
    return Array.isArray(schema.anyOf) ? (schema.anyOf as JsonSchema[]) : [schema];
  });
  return schemas.length === 1 ? schemas[0] : { anyOf: schemas };
}

function genericSchema(head: string, args: Node[], scope: ModuleScope, depth: number): JsonSchema {
  if (head === 'Optional' && args[0]) return nullable(typeSchema(args[0], scope, depth + 1));
  if (head === 'Union') return union(args, scope, depth);
  if (head === 'Literal') {
    const values = args.map((arg) => toJson(evaluate(arg, scope, depth + 1))).filter((value) => value !== undefined);
    const types = new Set(values.map((value) => (typeof value === 'number' ? 'number' : typeof value)));
    const schema: JsonSchema = { enum: values };
    if (types.size === 1) schema.type = [...types][0] === 'number' ? (values.every(Number.isInteger) ? 'integer' : 'number') : [...types][0];
    return schema;
  }
  if (head === 'Annotated' && args[0]) {
    const schema = typeSchema(args[0], scope, depth + 1);
    for (const meta of args.slice(1)) Object.assign(schema, metadataOf(meta, scope, depth).extras);
    return schema;
  }
  if (ARRAYS.has(head)) {
    const schema: JsonSchema = { ...PRIMITIVES[head] };
    const item = args[0];
    if (item && !(head.toLowerCase() === 'tuple' && args.length > 1)) schema.items = typeSchema(item, scope, depth + 1);
    return schema;
  }
  if (OBJECTS.has(head)) {
    const value = args[1];
    const schema: JsonSchema = { type: 'object' };
    if (value) {
      const inner = typeSchema(value, scope, depth + 1);
      if (Object.keys(inner).length > 0) schema.additionalProperties = inner;
    }
    return schema;
  }
  return namedSchema([head], scope, depth);
}

/** What a `Field(...)` (or `Annotated` string) says about a parameter. */
export interface FieldMetadata {
  extras: JsonSchema;
  /** Whether the field must be given: true for `Field(...)`, false with a default, null when silent. */
  required: boolean | null;
  defaultValue?: unknown;
}

const FIELD_KEYWORDS: Record<string, string> = {
  description: 'description', title: 'title', ge: 'minimum', le: 'maximum', gt: 'exclusiveMinimum',
  lt: 'exclusiveMaximum', min_length: 'minLength', max_length: 'maxLength', pattern: 'pattern', examples: 'examples',
};

export function isFieldCall(node: Node): boolean {
  const current = unwrap(node);
  if (current.type !== 'call') return false;
  const callee = current.childForFieldName('function');
  return callee ? dottedName(callee)?.pop() === 'Field' : false;
}

export function metadataOf(node: Node, scope: ModuleScope, depth: number): FieldMetadata {
  const current = unwrap(node);
  if (current.type === 'string' || current.type === 'concatenated_string') {
    const text = asText(evaluate(current, scope, depth + 1));
    return { extras: text ? { description: text.text } : {}, required: null };
  }
  if (!isFieldCall(current)) return { extras: {}, required: null };
  const args = callArguments(current);
  const extras: JsonSchema = {};
  for (const [keyword, target] of Object.entries(FIELD_KEYWORDS)) {
    const value = args.keywords.get(keyword);
    const json = value ? toJson(evaluate(value, scope, depth + 1)) : undefined;
    if (json !== undefined) extras[target] = json;
  }
  const defaultNode = args.keywords.get('default') ?? args.positional[0];
  if (args.keywords.has('default_factory')) return { extras, required: false };
  if (!defaultNode) return { extras, required: null };
  if (unwrap(defaultNode).type === 'ellipsis') return { extras, required: true };
  return { extras, required: false, defaultValue: toJson(evaluate(defaultNode, scope, depth + 1)) };
}

/** The `Field(...)` inside `Annotated[T, Field(...)]`, which may carry the default. */
export function annotatedField(typeNode: Node, scope: ModuleScope, depth: number): FieldMetadata | null {
  const generic = genericParts(unwrap(typeNode));
  if (!generic || generic.head !== 'Annotated') return null;
  const field = generic.args.slice(1).find((arg) => isFieldCall(arg));
  return field ? metadataOf(field, scope, depth + 1) : null;
}
