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
export function schemaOfStruct(typeName: string, pkg: GoPackage, depth = 0, conventions: SchemaConventions = GOOGLE): Schema | null {
  const struct = pkg.structs.get(typeName);
  if (!struct) return null;
  return structSchema(struct, pkg, depth, conventions);
}

/** How a reflector reads a struct: which fields are required, whether other properties are allowed. */
export interface SchemaConventions {
  /** Required only when the tag says `required` (invopop's RequiredFromJSONSchemaTags), else unless omitempty. */
  requiredFromTags: boolean;
  additionalProperties: boolean;
}

/** google/jsonschema-go, used by go-sdk and mcp-go. */
const GOOGLE: SchemaConventions = { requiredFromTags: false, additionalProperties: false };

/** invopop/jsonschema as metoro-io/mcp-golang configures it (server.go: RequiredFromJSONSchemaTags, AllowAdditionalProperties). */
export const INVOPOP_METORO: SchemaConventions = { requiredFromTags: true, additionalProperties: true };

function structSchema(struct: GoSyntax, pkg: GoPackage, depth: number, conventions: SchemaConventions = GOOGLE): Schema {
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
      const property = type ? typeSchema(type, pkg, depth, conventions) : {};
      if (parsed.description) property.description = parsed.description;
      if (parsed.enum) property.enum = parsed.enum;
      properties[parsed.name] = property;
      const isRequired = conventions.requiredFromTags ? parsed.required === true : (parsed.required ?? !parsed.omitempty);
      if (isRequired) required.push(parsed.name);
    }
  }
  const schema: Schema = { type: 'object', properties };
  if (required.length) schema.required = required;
  if (!conventions.additionalProperties) schema.additionalProperties = false;
  return schema;
}

/** The schema of one Go type as the inference maps it. */
export function typeSchema(type: GoSyntax, pkg: GoPackage, depth: number, conventions: SchemaConventions = GOOGLE): Schema {
  switch (type.type) {
    case 'pointer_type':
      return type.children[0] ? typeSchema(type.children[0], pkg, depth, conventions) : {};
    case 'slice_type':
    case 'array_type': {
      const element = type.fields.element;
      if (element?.text === 'byte') return { type: 'string' };
      return { type: 'array', items: element ? typeSchema(element, pkg, depth, conventions) : {} };
    }
    case 'map_type':
      return { type: 'object' };
    case 'struct_type':
      return depth < MAX_NESTING ? structSchema(type, pkg, depth + 1, conventions) : { type: 'object' };
    case 'qualified_type':
      return lastName(type) === 'Time' ? { type: 'string' } : {};
    case 'type_identifier':
      return namedTypeSchema(type.text, pkg, depth, conventions);
    default:
      return {};
  }
}

function namedTypeSchema(name: string, pkg: GoPackage, depth: number, conventions: SchemaConventions): Schema {
  if (name === 'string') return { type: 'string' };
  if (name === 'bool') return { type: 'boolean' };
  if (INTEGER.test(name)) return { type: 'integer' };
  if (/^float(32|64)$/.test(name)) return { type: 'number' };
  if (name === 'any') return {};
  if (depth < MAX_NESTING && pkg.structs.has(name)) return schemaOfStruct(name, pkg, depth + 1, conventions) ?? {};
  return {};
}
