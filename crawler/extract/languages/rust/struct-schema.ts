import type { Node } from '../../parser.ts';
import { attributeArguments, attributeName, attributesOf, docOf } from './items.ts';
import { attributeEntries, entry } from './attribute-args.ts';
import { stringFromTokens, type RustScope } from './values.ts';

type Schema = Record<string, unknown>;

/** Nested structs are followed this deep. */
const MAX_NESTING = 3;

const INTEGER = /^[iu](8|16|32|64|128|size)$/;
const STRING = /^(String|str|char|PathBuf|Path|Uuid|Url|DateTime|NaiveDate|NaiveDateTime)$/;
const ARRAY = /^(Vec|VecDeque|HashSet|BTreeSet|IndexSet)$/;
const MAP = /^(HashMap|BTreeMap|IndexMap|Map)$/;
const TRANSPARENT = /^(Box|Arc|Rc|Cow)$/;

/** The struct or enum named `name` among the items under `root`, outside test code. */
export function findType(root: Node, name: string): Node | null {
  for (const item of root.descendantsOfType(['struct_item', 'enum_item'])) {
    if (item?.childForFieldName('name')?.text === name) return item;
  }
  return null;
}

/**
 * The JSON Schema schemars derives for a struct: one property per field (serde renames honoured,
 * skipped fields left out), required unless `Option<T>` or `#[serde(default)]`, descriptions from
 * `#[schemars(description = ...)]` or the field's `///` lines.
 */
export function structSchema(struct: Node, root: Node, scope: RustScope, depth = 0): Schema {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  const container = serdeOptions(struct, scope);
  const body = struct.childForFieldName('body');
  for (const field of body?.namedChildren ?? []) {
    if (field?.type !== 'field_declaration') continue;
    const options = serdeOptions(field, scope);
    if (options.skip || options.flatten) continue;
    const rustName = field.childForFieldName('name')?.text.replace(/^r#/, '') ?? '';
    const name = options.rename ?? renameCase(rustName, container.renameAll);
    const type = field.childForFieldName('type');
    const { schema, optional } = type ? typeSchema(type, root, scope, depth) : { schema: {}, optional: false };
    const description = schemarsDescription(field, scope) ?? docOf(field);
    if (description) schema.description = description;
    properties[name] = schema;
    if (!optional && !options.default && !container.default) required.push(name);
  }
  const schema: Schema = { type: 'object', properties };
  if (required.length) schema.required = required;
  return schema;
}

interface SerdeOptions {
  rename?: string;
  renameAll?: string;
  skip?: boolean;
  flatten?: boolean;
  default?: boolean;
}

function serdeOptions(item: Node, scope: RustScope): SerdeOptions {
  const options: SerdeOptions = {};
  for (const attribute of attributesOf(item)) {
    if (attributeName(attribute) !== 'serde') continue;
    const entries = attributeEntries(attributeArguments(attribute));
    const rename = entry(entries, 'rename')?.value;
    if (rename) options.rename = stringFromTokens(rename, scope).text;
    const renameAll = entry(entries, 'rename_all')?.value;
    if (renameAll) options.renameAll = stringFromTokens(renameAll, scope).text;
    if (entry(entries, 'skip') || entry(entries, 'skip_deserializing')) options.skip = true;
    if (entry(entries, 'flatten')) options.flatten = true;
    if (entry(entries, 'default')) options.default = true;
  }
  return options;
}

function schemarsDescription(item: Node, scope: RustScope): string | null {
  for (const attribute of attributesOf(item)) {
    if (attributeName(attribute) !== 'schemars') continue;
    const value = entry(attributeEntries(attributeArguments(attribute)), 'description')?.value;
    if (value) return stringFromTokens(value, scope).text;
  }
  return null;
}

/** serde's `rename_all` conventions, applied to a snake_case field name. */
function renameCase(name: string, rule: string | undefined): string {
  const words = name.split('_').filter(Boolean);
  const capital = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
  switch (rule) {
    case 'camelCase':
      return words.map((w, i) => (i === 0 ? w : capital(w))).join('');
    case 'PascalCase':
      return words.map(capital).join('');
    case 'kebab-case':
      return words.join('-');
    case 'SCREAMING_SNAKE_CASE':
      return name.toUpperCase();
    case 'lowercase':
      return name.toLowerCase();
    case 'UPPERCASE':
      return name.toUpperCase();
    default:
      return name;
  }
}

/** The schema of a Rust type, and whether it makes its field optional (`Option<T>`). */
export function typeSchema(type: Node, root: Node, scope: RustScope, depth: number): { schema: Schema; optional: boolean } {
  if (type.type === 'reference_type') {
    const inner = type.childForFieldName('type');
    return inner ? typeSchema(inner, root, scope, depth) : { schema: {}, optional: false };
  }
  if (type.type === 'array_type') {
    const element = type.childForFieldName('element');
    return { schema: { type: 'array', items: element ? typeSchema(element, root, scope, depth).schema : {} }, optional: false };
  }
  const generic = type.type === 'generic_type';
  const nameNode = generic ? type.childForFieldName('type') : type;
  const name = (nameNode?.text ?? '').slice((nameNode?.text ?? '').lastIndexOf(':') + 1);
  const args = generic ? (type.childForFieldName('type_arguments')?.namedChildren.filter((n): n is Node => n !== null && n.type !== 'lifetime') ?? []) : [];
  if (name === 'Option' && args[0]) return { schema: typeSchema(args[0], root, scope, depth).schema, optional: true };
  if (TRANSPARENT.test(name) && args[0]) return typeSchema(args[0], root, scope, depth);
  if (ARRAY.test(name)) return { schema: { type: 'array', items: args[0] ? typeSchema(args[0], root, scope, depth).schema : {} }, optional: false };
  if (MAP.test(name)) return { schema: { type: 'object' }, optional: false };
  if (STRING.test(name)) return { schema: { type: 'string' }, optional: false };
  if (INTEGER.test(name)) return { schema: { type: 'integer' }, optional: false };
  if (/^f(32|64)$/.test(name)) return { schema: { type: 'number' }, optional: false };
  if (name === 'bool') return { schema: { type: 'boolean' }, optional: false };
  if (name === 'Value' || name === '()') return { schema: {}, optional: false };
  const local = depth < MAX_NESTING ? findType(root, name) : null;
  if (local?.type === 'struct_item') return { schema: structSchema(local, root, scope, depth + 1), optional: false };
  if (local?.type === 'enum_item') return { schema: enumSchema(local, scope), optional: false };
  return { schema: {}, optional: false };
}

/** A fieldless enum is a string with one value per variant. */
function enumSchema(item: Node, scope: RustScope): Schema {
  const container = serdeOptions(item, scope);
  const values: string[] = [];
  for (const variant of item.childForFieldName('body')?.namedChildren ?? []) {
    if (variant?.type !== 'enum_variant') continue;
    if (variant.childForFieldName('body')) return {};
    const name = variant.childForFieldName('name')?.text ?? '';
    values.push(serdeOptions(variant, scope).rename ?? renameVariant(name, container.renameAll));
  }
  return { type: 'string', enum: values };
}

function renameVariant(name: string, rule: string | undefined): string {
  if (!rule) return name;
  const snake = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  return rule === 'PascalCase' ? name : renameCase(snake, rule);
}
