/** What a Go struct field's tag says about its JSON Schema property. */
export interface FieldTag {
  /** JSON name, or null when the field is not serialized (`json:"-"`). */
  name: string | null;
  omitempty: boolean;
  description: string | null;
  /** An explicit `required` option (invopop style); null when the tag does not say. */
  required: boolean | null;
  enum: string[] | null;
}

/** Reads `key:"value"` pairs of a struct tag. */
export function tagValues(tag: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const match of tag.matchAll(/([A-Za-z_][\w-]*):"((?:[^"\\]|\\.)*)"/g)) {
    values.set(match[1], match[2].replace(/\\"/g, '"').replace(/\\\\/g, '\\'));
  }
  return values;
}

const INVOPOP_KEY = /^(required|description=|title=|enum=|default=|minimum=|maximum=|minLength=|maxLength=|pattern=|format=|example=|oneof_)/;

/**
 * Three conventions meet here: go-sdk takes the whole `jsonschema` tag as the description; mcp-go adds
 * `jsonschema_description`; invopop (and mcp-golang) write `required,description=...` with `\,` for commas.
 */
export function parseFieldTag(fieldName: string, tag: string): FieldTag {
  const values = tagValues(tag);
  const json = values.get('json');
  const [jsonName, ...options] = (json ?? '').split(',');
  const result: FieldTag = {
    name: jsonName === '-' && options.length === 0 ? null : jsonName || fieldName,
    omitempty: options.includes('omitempty') || options.includes('omitzero'),
    description: values.get('jsonschema_description') ?? null,
    required: null,
    enum: null,
  };
  const schemaTag = values.get('jsonschema');
  if (schemaTag === undefined) return result;
  if (!INVOPOP_KEY.test(schemaTag)) {
    result.description ??= schemaTag;
    return result;
  }
  for (const option of schemaTag.split(/(?<!\\),/).map((o) => o.replace(/\\,/g, ','))) {
    if (option === 'required') result.required = true;
    else if (option.startsWith('description=')) result.description ??= option.slice('description='.length);
    else if (option.startsWith('enum=')) (result.enum ??= []).push(option.slice('enum='.length));
  }
  return result;
}
