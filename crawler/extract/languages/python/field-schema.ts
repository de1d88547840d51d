import type { Node } from '../../parser.ts';
import { evaluate, toJson } from './evaluate.ts';
import type { ModuleScope } from './module-scope.ts';
import { unwrap } from './nodes.ts';
import { annotatedField, isFieldCall, metadataOf, typeSchema, type JsonSchema } from './type-schema.ts';

/**
 * One parameter or model field as pydantic renders it: its type's schema, `Field(...)` metadata
 * from `Annotated[...]` or the default, and whether the caller must give it.
 */
export function fieldSchema(type: Node | null, value: Node | null, scope: ModuleScope, depth = 0): { schema: JsonSchema; required: boolean } {
  const schema = type ? typeSchema(type, scope, depth + 1) : {};
  let required = true;
  const annotated = type ? annotatedField(type, scope, depth + 1) : null;
  if (annotated?.required === false) {
    required = false;
    if (annotated.defaultValue !== undefined) schema.default = annotated.defaultValue;
  }
  if (!value) return { schema, required };
  if (isFieldCall(value)) {
    const field = metadataOf(value, scope, depth + 1);
    Object.assign(schema, field.extras);
    if (field.defaultValue !== undefined) schema.default = field.defaultValue;
    return { schema, required: field.required ?? true };
  }
  const json = toJson(evaluate(unwrap(value), scope, depth + 1));
  if (json !== undefined) schema.default = json;
  return { schema, required: false };
}
