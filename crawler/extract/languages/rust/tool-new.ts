import type { FileExtraction } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { isTestOnly } from './items.ts';
import { schemaOfType } from './type-lookup.ts';
import { commaGroups, stringFromExpression, stringFromTokens, type RustScope, type RustString, resolution } from './values.ts';

/** Schema helpers that name the input type: `schema_for!(T)`, `schema_from_type!(T)`, `cached_schema_for_type::<T>()`. */
const SCHEMA_OF_TYPE = /(?:schema_for|schema_from_type)!\s*\(\s*([A-Za-z_][\w:]*)\s*\)|schema_for_type::<\s*([A-Za-z_][\w:]*)\s*>/;

/** One `Tool::new(name, description, schema)` with its arguments evaluated. */
interface Constructor {
  name: RustString;
  nameSource: string;
  description: RustString;
  schemaSource: string;
  line: number;
}

/**
 * Hand-written rmcp tools: `Tool::new(name, description, schema)`, usually returned from a manual
 * `list_tools`, often inside `vec![...]` (a macro, whose tokens tree-sitter leaves unparsed). Only in
 * files that use rmcp, since `Tool` is a common type name.
 */
export function toolsFromConstructors(root: Node, scope: RustScope, result: FileExtraction): void {
  if (!/\buse\s+rmcp\b|\brmcp::/.test(scope.file.text)) return;
  const found: Constructor[] = [];
  for (const call of root.descendantsOfType('call_expression')) {
    const fn = call?.childForFieldName('function');
    if (!call || fn?.type !== 'scoped_identifier' || !/(^|::)Tool::new$/.test(fn.text) || isTestOnly(call)) continue;
    const args = call.childForFieldName('arguments')?.namedChildren.filter((n): n is Node => n !== null && !/comment/.test(n.type)) ?? [];
    if (args.length < 2) continue;
    found.push({
      name: stringFromExpression(args[0], scope),
      nameSource: args[0].text,
      description: stringFromExpression(args[1], scope),
      schemaSource: args[2]?.text ?? '',
      line: args[0].startPosition.row + 1,
    });
  }
  for (const tree of root.descendantsOfType('token_tree')) {
    if (tree && tree.parent?.type !== 'token_tree' && !isTestOnly(tree)) found.push(...constructorsInTokens(tree, scope));
  }
  for (const constructor of found) emit(constructor, root, scope, result);
}

/** `Tool :: new (a, b, c)` as tokens, at any depth of a macro's token tree. */
function constructorsInTokens(tree: Node, scope: RustScope): Constructor[] {
  const found: Constructor[] = [];
  const tokens = tree.children.filter((t): t is Node => t !== null);
  tokens.forEach((token, i) => {
    if (token.type === 'token_tree') found.push(...constructorsInTokens(token, scope));
    const args = tokens[i + 3];
    if (token.text !== 'Tool' || tokens[i + 1]?.text !== '::' || tokens[i + 2]?.text !== 'new' || args?.type !== 'token_tree') return;
    const groups = commaGroups(args);
    if (groups.length < 2) return;
    found.push({
      name: stringFromTokens(groups[0], scope),
      nameSource: groups[0].map((t) => t.text).join(''),
      description: stringFromTokens(groups[1], scope),
      schemaSource: (groups[2] ?? []).map((t) => t.text).join(''),
      line: groups[0][0].startPosition.row + 1,
    });
  });
  return found;
}

function emit(constructor: Constructor, root: Node, scope: RustScope, result: FileExtraction): void {
  const { name, description, line } = constructor;
  if (!name.known) {
    result.dynamic.push({ file: scope.file.path, line, reason: `tool name computed at run time: ${constructor.nameSource.slice(0, 200)}` });
    return;
  }
  const typeMatch = SCHEMA_OF_TYPE.exec(constructor.schemaSource);
  const typeName = typeMatch ? (typeMatch[1] ?? typeMatch[2]).split('::').pop()! : null;
  result.tools.push({
    name: name.text,
    nameResolved: name.complete,
    title: null,
    description: description.known ? description.text : null,
    descriptionResolved: resolution(description),
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
