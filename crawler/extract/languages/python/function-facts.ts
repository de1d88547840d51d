import type { HandlerSpan } from '../../../model/index.ts';
import type { Node } from '../../parser.ts';
import { cleandoc } from '../../text.ts';
import { asText, evaluate } from './evaluate.ts';
import { functionDefinition } from './functions.ts';
import { inImportedModule, type ModuleScope } from './module-scope.ts';
import { docstringNode, dottedName } from './nodes.ts';
import { signatureSchema } from './signature-schema.ts';
import type { JsonSchema } from './type-schema.ts';

/** What a tool function contributes, read in its own file (which may not be the registration's). */
export interface FunctionFacts {
  name: string;
  docstring: { text: string; complete: boolean } | null;
  inputSchema: JsonSchema;
  handler: HandlerSpan;
}

export function factsOf(definition: Node, scope: ModuleScope, exclude: ReadonlySet<string>): FunctionFacts {
  const doc = docstringNode(definition);
  const text = doc ? asText(evaluate(doc, scope)) : null;
  return {
    name: definition.childForFieldName('name')?.text ?? '',
    docstring: text ? { text: cleandoc(text.text), complete: text.complete } : null,
    inputSchema: signatureSchema(definition, scope, exclude),
    handler: { file: scope.file.path, startLine: definition.startPosition.row + 1, endLine: definition.endPosition.row + 1 },
  };
}

/**
 * Facts of the function a registration names: a def of this file, or one imported from another
 * module of the repository (`from .tools import list_workflows`). Null when it cannot be found.
 */
export function referencedFunction(reference: Node, scope: ModuleScope, exclude: ReadonlySet<string>): FunctionFacts | null {
  const local = functionDefinition(reference, scope);
  if (local) return factsOf(local, scope, exclude);
  const parts = dottedName(reference);
  const binding = parts ? scope.imports.get(parts[0]) : undefined;
  if (!parts || !binding || parts.length > 2) return null;
  return inImportedModule(scope, binding, (other, symbol) => {
    const name = symbol ?? parts[1];
    const definition = name && (parts.length === 1 || !symbol) ? other.functions.get(name) : undefined;
    return definition ? factsOf(definition, other, exclude) : null;
  });
}
