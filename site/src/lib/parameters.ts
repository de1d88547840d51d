import { isPlainObject, stringArray } from './text.ts';

export interface Parameter {
  name: string;
  type: string;
  required: boolean;
  description: string | null;
}

export interface ParameterSummary {
  count: number;
  required: number;
  parameters: Parameter[];
}

/** The type of a JSON Schema property in a few words: `string`, `string | null`, `enum`, `array of string`. */
export function schemaType(schema: unknown): string {
  if (!isPlainObject(schema)) return 'any';
  if (Array.isArray(schema.enum)) return 'enum';
  if (typeof schema.type === 'string') {
    if (schema.type === 'array' && isPlainObject(schema.items)) return `array of ${schemaType(schema.items)}`;
    return schema.type;
  }
  if (Array.isArray(schema.type)) return stringArray(schema.type).join(' | ') || 'any';
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) return [...new Set(options.map(schemaType))].join(' | ');
  }
  if (typeof schema.$ref === 'string') return 'object';
  return 'any';
}

/** Parameters of a tool's input schema (top-level properties), required ones first, in declared order. */
export function summarizeParameters(inputSchema: unknown): ParameterSummary {
  if (!isPlainObject(inputSchema) || !isPlainObject(inputSchema.properties)) return { count: 0, required: 0, parameters: [] };
  const required = new Set(stringArray(inputSchema.required));
  const parameters = Object.entries(inputSchema.properties).map(([name, schema]) => ({
    name,
    type: schemaType(schema),
    required: required.has(name),
    description: isPlainObject(schema) && typeof schema.description === 'string' ? schema.description : null,
  }));
  parameters.sort((a, b) => Number(b.required) - Number(a.required));
  return { count: parameters.length, required: parameters.filter((p) => p.required).length, parameters };
}
