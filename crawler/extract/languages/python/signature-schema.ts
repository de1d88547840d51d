import type { Node } from '../../parser.ts';
import { fieldSchema } from './field-schema.ts';
import type { ModuleScope } from './module-scope.ts';
import { dottedName, namedChildren, unwrap } from './nodes.ts';
import { isInjectedType, type JsonSchema } from './type-schema.ts';

interface Parameter {
  name: string;
  type: Node | null;
  value: Node | null;
}

function readParameter(node: Node): Parameter | null {
  switch (node.type) {
    case 'identifier': return { name: node.text, type: null, value: null };
    case 'typed_parameter': {
      const name = namedChildren(node)[0];
      return name?.type === 'identifier' ? { name: name.text, type: node.childForFieldName('type'), value: null } : null;
    }
    case 'default_parameter': case 'typed_default_parameter': {
      const name = node.childForFieldName('name');
      return name ? { name: name.text, type: node.childForFieldName('type'), value: node.childForFieldName('value') } : null;
    }
    default: return null; // *args, **kwargs, separators
  }
}

function isDependency(value: Node): boolean {
  const current = unwrap(value);
  const callee = current.type === 'call' ? current.childForFieldName('function') : null;
  return callee ? dottedName(callee)?.pop() === 'Depends' : false;
}

/**
 * The input schema the SDK derives from a tool function's signature: a parameter without a
 * default is required; `self`/`cls`, `Context` and `Depends(...)` parameters are injected, not
 * arguments; `exclude` names parameters the registration hides (`exclude_args`).
 */
export function signatureSchema(definition: Node, scope: ModuleScope, exclude: ReadonlySet<string> = new Set()): JsonSchema {
  const properties: JsonSchema = {};
  const required: string[] = [];
  const list = definition.childForFieldName('parameters');
  const nodes = list ? namedChildren(list) : [];
  nodes.forEach((node, index) => {
    const parameter = readParameter(node);
    if (!parameter || exclude.has(parameter.name)) return;
    if (index === 0 && (parameter.name === 'self' || parameter.name === 'cls')) return;
    if (parameter.type && isInjectedType(parameter.type)) return;
    if (parameter.value && isDependency(parameter.value)) return;
    const { schema: property, required: isRequired } = fieldSchema(parameter.type, parameter.value, scope);
    properties[parameter.name] = property;
    if (isRequired) required.push(parameter.name);
  });
  const schema: JsonSchema = { type: 'object', properties };
  if (required.length > 0) schema.required = required;
  return schema;
}
