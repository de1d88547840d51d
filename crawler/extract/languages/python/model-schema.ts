import type { Node } from '../../parser.ts';
import { cleandoc } from '../../text.ts';
import { MAX_EVAL_DEPTH, asText, evaluate, toJson } from './evaluate.ts';
import { inImportedModule, type ModuleScope } from './module-scope.ts';
import { docstringNode, dottedName, namedChildren } from './nodes.ts';
import { fieldSchema } from './field-schema.ts';
import { type JsonSchema } from './type-schema.ts';

const MODEL_BASES = new Set(['BaseModel', 'TypedDict', 'RootModel', 'BaseSettings']);
const ENUM_BASES = new Set(['Enum', 'StrEnum', 'IntEnum']);

/**
 * The schema of a class named in an annotation or `Model.model_json_schema()`: pydantic models
 * and TypedDicts map their fields, Enums their values. Follows imports within the repository.
 */
export function classSchema(scope: ModuleScope, parts: string[], depth: number): JsonSchema | null {
  if (depth > MAX_EVAL_DEPTH || parts.length === 0) return null;
  const [head, ...rest] = parts;
  const owner = rest.length === 0 ? scope.classes.get(head) : undefined;
  if (owner) return schemaOfClass(owner, scope, depth);
  const binding = scope.imports.get(head);
  if (!binding) return null;
  return inImportedModule(scope, binding, (other, symbol) => classSchema(other, symbol ? [symbol, ...rest] : rest, depth + 1));
}

function baseNames(owner: Node): string[] {
  const superclasses = owner.childForFieldName('superclasses');
  if (!superclasses) return [];
  return namedChildren(superclasses).flatMap((base) => dottedName(base)?.slice(-1) ?? []);
}

function isModel(owner: Node, scope: ModuleScope, depth: number): boolean {
  if (depth > MAX_EVAL_DEPTH) return false;
  return baseNames(owner).some((base) => MODEL_BASES.has(base) || (scope.classes.has(base) && isModel(scope.classes.get(base)!, scope, depth + 1)));
}

function schemaOfClass(owner: Node, scope: ModuleScope, depth: number): JsonSchema | null {
  const bases = baseNames(owner);
  if (bases.some((base) => ENUM_BASES.has(base))) return enumSchema(owner, scope, depth);
  if (!isModel(owner, scope, depth) && !isDataclass(owner)) return null;
  const properties: JsonSchema = {};
  const required: string[] = [];
  collectFields(owner, scope, depth, properties, required);
  const schema: JsonSchema = { type: 'object', title: owner.childForFieldName('name')?.text ?? '' };
  const doc = docstringNode(owner);
  const docText = doc ? asText(evaluate(doc, scope, depth + 1)) : null;
  if (docText) schema.description = cleandoc(docText.text);
  schema.properties = properties;
  if (required.length > 0) schema.required = required;
  return schema;
}

function isDataclass(owner: Node): boolean {
  const decorated = owner.parent?.type === 'decorated_definition' ? owner.parent : null;
  return decorated ? /@(dataclasses\.)?dataclass\b/.test(decorated.text.slice(0, decorated.text.indexOf('class'))) : false;
}

/** Fields of the class and, first, of its models in the same file (pydantic keeps that order). */
function collectFields(owner: Node, scope: ModuleScope, depth: number, properties: JsonSchema, required: string[]): void {
  if (depth > MAX_EVAL_DEPTH) return;
  for (const base of baseNames(owner)) {
    const parent = scope.classes.get(base);
    if (parent && parent !== owner) collectFields(parent, scope, depth + 1, properties, required);
  }
  const body = owner.childForFieldName('body');
  if (!body) return;
  for (const statement of namedChildren(body)) {
    const assignment = statement.type === 'expression_statement' ? namedChildren(statement)[0] : null;
    if (assignment?.type !== 'assignment') continue;
    const left = assignment.childForFieldName('left');
    const type = assignment.childForFieldName('type');
    if (left?.type !== 'identifier' || !type || left.text.startsWith('_') || left.text === 'model_config') continue;
    if (/^\s*ClassVar\b/.test(type.text)) continue;
    const right = assignment.childForFieldName('right');
    const { schema: property, required: isRequired } = fieldSchema(type, assignment.childForFieldName('right'), scope, depth + 1);
    properties[left.text] = property;
    const index = required.indexOf(left.text);
    if (index >= 0) required.splice(index, 1);
    if (isRequired) required.push(left.text);
  }
}

function enumSchema(owner: Node, scope: ModuleScope, depth: number): JsonSchema {
  const values: unknown[] = [];
  const body = owner.childForFieldName('body');
  for (const statement of body ? namedChildren(body) : []) {
    const assignment = statement.type === 'expression_statement' ? namedChildren(statement)[0] : null;
    const right = assignment?.type === 'assignment' ? assignment.childForFieldName('right') : null;
    const value = right ? toJson(evaluate(right, scope, depth + 1)) : undefined;
    if (value !== undefined) values.push(value);
  }
  const schema: JsonSchema = { enum: values };
  if (values.length > 0 && values.every((value) => typeof value === 'string')) schema.type = 'string';
  return schema;
}
