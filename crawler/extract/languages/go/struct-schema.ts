import type { GoPackage } from './package-index.ts';
import { parseFieldTag } from './struct-tags.ts';
import { lastName, type GoSyntax } from './syntax.ts';

type Schema = Record<string, unknown>;

/** Nested struct types are followed this deep; deeper ones are left as plain objects. */
const MAX_NESTING = 3;

const INTEGER = /^u?int(8|16|32|64)?$|^uintptr$|^byte$|^rune$/;

/**
 * The JSON Schema the SDKs infer from a Go input struct (google/jsonschema-go rules, which go-sdk and
 * mcp-go's WithInputSchema share): json tag names, required unless `omitempty`/`omitzero`,
 * descriptions from the `jsonschema` tag. Null when the struct is not declared in the package.
 */
export function schemaOfStruct(typeName: string, pkg: GoPackage, depth = 0): Schema | null {
  const struct = pkg.structs.get(typeName);
  if (!struct) return null;
  return structSchema(struct, pkg, depth);
}

function structSchema(struct: GoSyntax, pkg: GoPackage, depth: number): Schema {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  const fieldList = struct.children.find((c) => c.type === 'field_declaration_list');
  for (const field of fieldList?.children ?? []) {
    if (field.type !== 'field_declaration') continue;
    const names = field.children.filter((c) => c.type === 'field_identifier').map((c) => c.text);
    const type = field.fields.type;
    const tag = field.fields.tag ? field.fields.tag.text.slice(1, -1) : '';
    for (const name of names) {
      // Unexported fields are not serialized.
      if (!/^[A-Z]/.test(name)) continue;
      const parsed = parseFieldTag(name, tag);
      if (!parsed.name) continue;
      const property = type ? typeSchema(type, pkg, depth) : {};
      if (parsed.description) property.description = parsed.description;
      if (parsed.enum) property.enum = parsed.enum;
      properties[parsed.name] = property;
      if (parsed.required ?? !parsed.omitempty) required.push(parsed.name);
    }
  }
  const schema: Schema = { type: 'object', properties };
  if (required.length) schema.required = required;
  schema.additionalProperties = false;
  return schema;
}

/** The schema of one Go type as the inference maps it. */
export function typeSchema(type: GoSyntax, pkg: GoPackage, depth: number): Schema {
  switch (type.type) {
    case 'pointer_type':
      return type.children[0] ? typeSchema(type.children[0], pkg, depth) : {};
    case 'slice_type':
    case 'array_type': {
      const element = type.fields.element;
      if (element?.text === 'byte') return { type: 'string' };
      return { type: 'array', items: element ? typeSchema(element, pkg, depth) : {} };
    }
    case 'map_type':
      return { type: 'object' };
    case 'struct_type':
      return depth < MAX_NESTING ? structSchema(type, pkg, depth + 1) : { type: 'object' };
    case 'qualified_type':
      return lastName(type) === 'Time' ? { type: 'string' } : {};
    case 'type_identifier':
      return namedTypeSchema(type.text, pkg, depth);
    default:
      return {};
  }
}

function namedTypeSchema(name: string, pkg: GoPackage, depth: number): Schema {
  if (name === 'string') return { type: 'string' };
  if (name === 'bool') return { type: 'boolean' };
  if (INTEGER.test(name)) return { type: 'integer' };
  if (/^float(32|64)$/.test(name)) return { type: 'number' };
  if (name === 'any') return {};
  if (depth < MAX_NESTING && pkg.structs.has(name)) return schemaOfStruct(name, pkg, depth + 1) ?? {};
  return {};
}
