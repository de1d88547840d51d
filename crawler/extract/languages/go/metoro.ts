import { absentAnnotations } from './annotations.ts';
import { evaluateString, type StringValue } from './evaluate.ts';
import type { GoPackage } from './package-index.ts';
import { INVOPOP_METORO, schemaOfStruct } from './struct-schema.ts';
import { callArguments, type GoSyntax } from './syntax.ts';

/**
 * metoro-io/mcp-golang: `server.RegisterTool(name, description, handler)` (reference §5.3). The
 * schema is reflected by invopop/jsonschema from the handler's argument struct, the last parameter
 * after an optional context.
 */
export function readMetoroTool(call: GoSyntax, handlerTypes: string[], pkg: GoPackage) {
  const [name, description] = callArguments(call);
  const argumentType = handlerTypes[handlerTypes.length - 1]?.replace(/^\*/, '');
  const inputSchema = argumentType && !/context\.Context$/.test(argumentType) ? schemaOfStruct(argumentType, pkg, 0, INVOPOP_METORO) : null;
  return {
    name: evaluateString(name, pkg),
    nameNode: name,
    description: description ? evaluateString(description, pkg) : (null as StringValue | null),
    title: null,
    inputSchema: inputSchema ?? { type: 'object', properties: {} },
    annotations: absentAnnotations(),
  };
}
