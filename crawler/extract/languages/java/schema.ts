import type { Node } from '../../parser.ts';
import type { JavaEvaluator } from './evaluate.ts';
import { annotationArguments, annotationName, annotationsOf, descendantsOfType, namedChildren, simpleName } from './syntax.ts';

type Schema = Record<string, unknown>;

/** How one framework reads a tool method's parameters. */
export interface ParameterConvention {
  /** The parameter annotation carrying `description` / `required` (`ToolArg`, `ToolParam`...). */
  argAnnotation: string;
  /** Types the framework injects, which are not arguments (simple names). */
  injected: ReadonlySet<string>;
  /** Parameter annotations that mark an injected value (`McpProgressToken`). */
  injectedAnnotations?: ReadonlySet<string>;
}

const STRING_TYPES = new Set([
  'String', 'CharSequence', 'Character', 'char', 'UUID', 'URI', 'URL', 'LocalDate', 'LocalDateTime', 'LocalTime',
  'Instant', 'OffsetDateTime', 'ZonedDateTime', 'Duration', 'Path', 'File',
]);
const INTEGER_TYPES = new Set(['int', 'long', 'short', 'byte', 'Integer', 'Long', 'Short', 'Byte', 'BigInteger']);
const NUMBER_TYPES = new Set(['double', 'float', 'Double', 'Float', 'BigDecimal', 'Number']);
const ARRAY_TYPES = new Set(['List', 'ArrayList', 'LinkedList', 'Set', 'HashSet', 'LinkedHashSet', 'SortedSet', 'Collection', 'Iterable']);
const OBJECT_TYPES = new Set(['Map', 'HashMap', 'LinkedHashMap', 'TreeMap']);
const UNTYPED = new Set(['Object', 'JsonNode', 'ObjectNode']);
const OPTIONAL_TYPES = new Set(['Optional', 'OptionalInt', 'OptionalLong', 'OptionalDouble']);

/**
 * The input schema of a tool method: its parameters minus injected ones; an argument is required
 * unless it says `required = false`, has a default value, is `Optional` or `@Nullable`.
 */
export function methodSchema(method: Node, convention: ParameterConvention, evaluator: JavaEvaluator): Schema {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  const parameters = method.childForFieldName('parameters');
  for (const parameter of parameters ? namedChildren(parameters) : []) {
    if (parameter.type !== 'formal_parameter' && parameter.type !== 'spread_parameter') continue;
    const type = parameter.childForFieldName('type') ?? namedChildren(parameter).find((child) => child.type.endsWith('_type') || child.type === 'type_identifier');
    const name = parameter.childForFieldName('name')?.text ?? descendantsOfType(parameter, ['identifier']).pop()?.text;
    if (!type || !name) continue;
    const annotations = annotationsOf(parameter);
    const annotationNames = annotations.map((annotation) => simpleName(annotationName(annotation)));
    if (convention.injected.has(baseTypeName(type))) continue;
    if (annotationNames.some((annotation) => convention.injectedAnnotations?.has(annotation))) continue;
    const arg = annotations.find((annotation) => simpleName(annotationName(annotation)) === convention.argAnnotation);
    const args = arg ? annotationArguments(arg) : new Map<string, Node>();
    const property = typeSchema(type, method);
    const description = evaluator.evaluate(args.get('description'))?.text;
    if (description) property.description = description;
    const key = evaluator.evaluate(args.get('name'))?.text || name;
    properties[key] = parameter.type === 'spread_parameter' ? { type: 'array', items: property } : property;
    const optional =
      args.get('required')?.type === 'false' ||
      args.has('defaultValue') ||
      OPTIONAL_TYPES.has(baseTypeName(type)) ||
      annotationNames.includes('Nullable');
    if (!optional) required.push(key);
  }
  const schema: Schema = { type: 'object', properties };
  if (required.length) schema.required = required;
  return schema;
}

/** `List<String>` → `List`; `java.util.Map` → `Map`. */
function baseTypeName(type: Node): string {
  if (type.type === 'generic_type') {
    const base = namedChildren(type).find((child) => child.type !== 'type_arguments');
    return base ? simpleName(base.text) : type.text;
  }
  if (type.type === 'array_type') return '[]';
  return simpleName(type.text.replace(/@\w+\s*/g, '').trim());
}

function typeArguments(type: Node): Node[] {
  const list = namedChildren(type).find((child) => child.type === 'type_arguments');
  return list ? namedChildren(list) : [];
}

/** The JSON Schema of a Java type, as the frameworks' generators render it (best effort). */
export function typeSchema(type: Node, scope: Node): Schema {
  if (type.type === 'array_type') {
    const element = type.childForFieldName('element');
    return { type: 'array', items: element ? typeSchema(element, scope) : {} };
  }
  if (type.type === 'integral_type') return type.text === 'char' ? { type: 'string' } : { type: 'integer' };
  if (type.type === 'floating_point_type') return { type: 'number' };
  if (type.type === 'boolean_type') return { type: 'boolean' };
  const name = baseTypeName(type);
  if (OPTIONAL_TYPES.has(name)) {
    const inner = typeArguments(type)[0];
    if (inner) return typeSchema(inner, scope);
    return name === 'OptionalInt' || name === 'OptionalLong' ? { type: 'integer' } : { type: 'number' };
  }
  if (STRING_TYPES.has(name)) return { type: 'string' };
  if (INTEGER_TYPES.has(name)) return { type: 'integer' };
  if (NUMBER_TYPES.has(name)) return { type: 'number' };
  if (name === 'boolean' || name === 'Boolean') return { type: 'boolean' };
  if (ARRAY_TYPES.has(name)) {
    const item = typeArguments(type)[0];
    return { type: 'array', items: item ? typeSchema(item, scope) : {} };
  }
  if (OBJECT_TYPES.has(name)) return { type: 'object' };
  if (UNTYPED.has(name)) return {};
  const values = enumConstants(scope, name);
  if (values) return { type: 'string', enum: values };
  return { type: 'object' };
}

/** The constants of an enum declared in the same file, or null. */
function enumConstants(scope: Node, name: string): string[] | null {
  let root = scope;
  while (root.parent) root = root.parent;
  const declaration = descendantsOfType(root, ['enum_declaration']).find((candidate) => candidate.childForFieldName('name')?.text === name);
  const body = declaration?.childForFieldName('body');
  if (!body) return null;
  return namedChildren(body)
    .filter((child) => child.type === 'enum_constant')
    .map((constant) => constant.childForFieldName('name')?.text ?? constant.text);
}
