import type { FileExtraction } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { isTestOnly } from './items.ts';
import { schemaOfType } from './type-lookup.ts';
import { stringFromExpression, type RustScope } from './values.ts';

/** Schema helpers that name the input type: `schema_for!(T)`, `schema_from_type!(T)`, `cached_schema_for_type::<T>()`. */
const SCHEMA_OF_TYPE = /(?:schema_for|schema_from_type)!\s*\(\s*([A-Za-z_][\w:]*)\s*\)|schema_for_type::<\s*([A-Za-z_][\w:]*)\s*>/;

/**
 * Hand-written rmcp tools: `Tool::new(name, description, schema)`, usually returned from a manual
 * `list_tools`. Only in files that use rmcp, since `Tool` is a common type name.
 */
export function toolsFromConstructors(root: Node, scope: RustScope, result: FileExtraction): void {
  if (!/\buse\s+rmcp\b|\brmcp::/.test(scope.file.text)) return;
  for (const call of root.descendantsOfType('call_expression')) {
    const fn = call?.childForFieldName('function');
    if (!call || fn?.type !== 'scoped_identifier' || !/(^|::)Tool::new$/.test(fn.text)) continue;
    if (isTestOnly(call)) continue;
    const args = call.childForFieldName('arguments')?.namedChildren.filter((n): n is Node => n !== null && !/comment/.test(n.type)) ?? [];
    if (args.length < 2) continue;
    const name = stringFromExpression(args[0], scope);
    const line = args[0].startPosition.row + 1;
    if (!name.known) {
      result.dynamic.push({ file: scope.file.path, line, reason: `tool name computed at run time: ${args[0].text.slice(0, 200)}` });
      continue;
    }
    const description = stringFromExpression(args[1], scope);
    const typeMatch = args[2] ? SCHEMA_OF_TYPE.exec(args[2].text) : null;
    const typeName = typeMatch ? (typeMatch[1] ?? typeMatch[2]).split('::').pop()! : null;
    result.tools.push({
      name: name.text,
      nameResolved: name.complete,
      title: null,
      description: description.text,
      descriptionResolved: description.complete ? 'full' : description.known ? 'partial' : 'none',
      inputSchema: typeName ? schemaOfType(typeName, root, scope) : null,
      annotations: null,
      annotationsOrigin: { readOnlyHint: 'absent', destructiveHint: 'absent', idempotentHint: 'absent', openWorldHint: 'absent' },
      file: scope.file.path,
      line,
      sdk: 'rust-rmcp',
      style: 'rmcp Tool::new',
      conditions: [],
      confidence: !name.complete ? 0.5 : name.viaConstant ? 0.9 : 0.95,
      handler: null,
    });
  }
}
