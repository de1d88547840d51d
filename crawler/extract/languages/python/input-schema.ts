import type { Node } from '../../parser.ts';
import { MAX_EVAL_DEPTH, bindingOf, evaluate, toJson } from './evaluate.ts';
import { classSchema } from './model-schema.ts';
import type { ModuleScope } from './module-scope.ts';
import { dottedName, unwrap } from './nodes.ts';
import type { JsonSchema } from './type-schema.ts';

const SCHEMA_METHODS = new Set(['model_json_schema', 'schema', 'json_schema']);

/**
 * The JSON Schema an `inputSchema=` expression stands for: `Model.model_json_schema()` maps the
 * model's fields, a dict literal (or a name bound to one) is read as JSON. Null when unknown.
 */
export function schemaOfExpression(node: Node, scope: ModuleScope, depth = 0): JsonSchema | null {
  if (depth > MAX_EVAL_DEPTH) return null;
  const current = unwrap(node);
  if (current.type === 'call') {
    const callee = current.childForFieldName('function');
    const parts = callee ? dottedName(callee) : null;
    if (parts && parts.length >= 2 && SCHEMA_METHODS.has(parts[parts.length - 1])) {
      return classSchema(scope, parts.slice(0, -1), depth + 1);
    }
    return null;
  }
  if (current.type === 'identifier') {
    const bound = bindingOf(current, scope);
    if (bound && bound !== current) return schemaOfExpression(bound, scope, depth + 1);
  }
  const json = toJson(evaluate(current, scope, depth + 1));
  return json && typeof json === 'object' && !Array.isArray(json) ? (json as JsonSchema) : null;
}
