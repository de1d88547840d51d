import type { Node } from '../../parser.ts';
import type { CsharpEvaluator } from './evaluate.ts';
import { attributeArguments, attributesOf, descendantsOfType, namedChildren } from './syntax.ts';

type Schema = Record<string, unknown>;

/** Parameters the SDK binds itself (RequestServiceProvider.IsAugmentedWith, AIFunctionFactory). */
const SDK_BOUND = new Set([
  'CancellationToken', 'IServiceProvider', 'McpServer', 'IMcpServer', 'IProgress', 'ClaimsPrincipal', 'RequestContext',
  'AIFunctionArguments', 'IMcpEndpoint',
]);
/** Framework services commonly injected into tools. */
const WELL_KNOWN_SERVICES = new Set([
  'HttpClient', 'IHttpClientFactory', 'ILogger', 'ILoggerFactory', 'IConfiguration', 'IOptions', 'IOptionsMonitor',
  'IOptionsSnapshot', 'IHostEnvironment', 'IWebHostEnvironment', 'IHttpContextAccessor', 'IMemoryCache', 'IDistributedCache',
  'HttpContext', 'IChatClient',
]);
const COLLECTION_INTERFACES = new Set([
  'IEnumerable', 'IList', 'IReadOnlyList', 'ICollection', 'IReadOnlyCollection', 'ISet', 'IReadOnlySet', 'IDictionary',
  'IReadOnlyDictionary', 'IAsyncEnumerable',
]);
const STRING_TYPES = new Set(['string', 'String', 'char', 'Char', 'Guid', 'DateTime', 'DateTimeOffset', 'DateOnly', 'TimeOnly', 'TimeSpan', 'Uri']);
const INTEGER_TYPES = new Set([
  'int', 'long', 'short', 'byte', 'sbyte', 'uint', 'ulong', 'ushort', 'nint', 'nuint',
  'Int16', 'Int32', 'Int64', 'UInt16', 'UInt32', 'UInt64', 'Byte', 'SByte', 'BigInteger',
]);
const NUMBER_TYPES = new Set(['float', 'double', 'decimal', 'Single', 'Double', 'Decimal', 'Half']);
const ARRAY_TYPES = new Set([
  'List', 'IList', 'IEnumerable', 'IReadOnlyList', 'ICollection', 'IReadOnlyCollection', 'HashSet', 'ISet', 'IReadOnlySet',
  'ImmutableArray', 'ImmutableList', 'Collection',
]);
const OBJECT_TYPES = new Set(['Dictionary', 'IDictionary', 'IReadOnlyDictionary', 'ImmutableDictionary']);
const UNTYPED = new Set(['object', 'Object', 'JsonElement', 'JsonNode', 'JsonObject', 'JsonDocument', 'dynamic']);

/** `ILogger<T>` → `ILogger`; `System.Net.Http.HttpClient` → `HttpClient`; `int?` → `int`. */
export function typeName(type: Node): string {
  const text = type.text.replace(/\?$/, '').replace(/<[\s\S]*$/, '').replace(/\[[\s,]*\]$/, '');
  return text.slice(text.lastIndexOf('.') + 1).trim();
}

/**
 * The input schema of a tool method: its parameters minus those the SDK or dependency injection
 * supply; a parameter with a default value is optional.
 */
export function methodSchema(method: Node, evaluator: CsharpEvaluator, services: ReadonlySet<string>): Schema {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  const list = method.childForFieldName('parameters') ?? namedChildren(method).find((child) => child.type === 'parameter_list');
  for (const parameter of list ? namedChildren(list) : []) {
    if (parameter.type !== 'parameter') continue;
    const type = parameter.childForFieldName('type');
    const name = parameter.childForFieldName('name')?.text;
    if (!type || !name) continue;
    const attributes = attributesOf(parameter);
    if (attributes.some((attribute) => attribute.name === 'FromServices' || attribute.name === 'FromKeyedServices')) continue;
    const description = attributes.find((attribute) => attribute.name === 'Description');
    if (isInjected(typeName(type), services, description !== undefined)) continue;
    const property = typeSchema(type, method);
    const text = description ? evaluator.evaluate(attributeArguments(description.node).positional[0])?.text : undefined;
    if (text) property.description = text;
    const defaultValue = parameter.childForFieldName('default') ?? defaultOf(parameter);
    if (defaultValue) {
      const literal = literalDefault(defaultValue, evaluator);
      if (literal !== undefined) property.default = literal;
    } else {
      required.push(name);
    }
    properties[name] = property;
  }
  const schema: Schema = { type: 'object', properties };
  if (required.length) schema.required = required;
  return schema;
}

function isInjected(name: string, services: ReadonlySet<string>, described: boolean): boolean {
  if (SDK_BOUND.has(name) || WELL_KNOWN_SERVICES.has(name) || services.has(name)) return true;
  // An undescribed interface that is not a collection cannot be bound from JSON: a service.
  return !described && /^I[A-Z]/.test(name) && !COLLECTION_INTERFACES.has(name);
}

/** The `= value` of a parameter, for grammars without a `default` field. */
function defaultOf(parameter: Node): Node | null {
  const children = parameter.children;
  const equals = children.findIndex((child) => child?.type === '=');
  return equals >= 0 ? children[equals + 1] ?? null : null;
}

function literalDefault(node: Node, evaluator: CsharpEvaluator): unknown {
  if (node.type === 'null_literal') return null;
  if (node.type === 'boolean_literal') return node.text === 'true';
  if (node.type === 'integer_literal' || node.type === 'real_literal') {
    const value = Number(node.text.replace(/[uUlLfFdDmM_]+$/g, '').replace(/_/g, ''));
    return Number.isFinite(value) ? value : undefined;
  }
  const text = evaluator.evaluate(node);
  return text?.complete ? text.text : undefined;
}

function typeArguments(type: Node): Node[] {
  const list = descendantsOfType(type, ['type_argument_list'])[0];
  return list ? namedChildren(list) : [];
}

/** The JSON Schema of a C# type, as AIFunctionFactory renders it (best effort). */
export function typeSchema(type: Node, scope: Node): Schema {
  if (type.type === 'nullable_type') {
    const inner = namedChildren(type)[0];
    return inner ? typeSchema(inner, scope) : {};
  }
  if (type.type === 'array_type') {
    const element = type.childForFieldName('type') ?? namedChildren(type)[0];
    return { type: 'array', items: element ? typeSchema(element, scope) : {} };
  }
  const name = typeName(type);
  if (name === 'Nullable') {
    const inner = typeArguments(type)[0];
    return inner ? typeSchema(inner, scope) : {};
  }
  if (STRING_TYPES.has(name)) return { type: 'string' };
  if (INTEGER_TYPES.has(name)) return { type: 'integer' };
  if (NUMBER_TYPES.has(name)) return { type: 'number' };
  if (name === 'bool' || name === 'Boolean') return { type: 'boolean' };
  if (UNTYPED.has(name)) return {};
  if (ARRAY_TYPES.has(name)) {
    const item = typeArguments(type)[0];
    return { type: 'array', items: item ? typeSchema(item, scope) : {} };
  }
  if (OBJECT_TYPES.has(name)) return { type: 'object' };
  const values = enumMembers(scope, name);
  if (values) return { type: 'string', enum: values };
  return { type: 'object' };
}

function enumMembers(scope: Node, name: string): string[] | null {
  let root = scope;
  while (root.parent) root = root.parent;
  const declaration = descendantsOfType(root, ['enum_declaration']).find((candidate) => candidate.childForFieldName('name')?.text === name);
  if (!declaration) return null;
  return descendantsOfType(declaration, ['enum_member_declaration']).map(
    (member) => member.childForFieldName('name')?.text ?? namedChildren(member).find((child) => child.type === 'identifier')?.text ?? member.text,
  );
}
