import type { Node } from '../../parser.ts';
import { enclosingFunction } from './call-sites.ts';
import type { SpreadOption } from './mark3labs.ts';
import { freeze } from './syntax.ts';

/**
 * Options of `mcp.NewTool(name, opts...)` built up in a slice in the same function:
 * `opts := []mcp.ToolOption{...}` and `opts = append(opts, mcp.WithDescription(d))`. An option appended
 * under an `if`, `switch` or loop is conditional: the tool may or may not get it.
 */
export function spreadOptions(call: Node): SpreadOption[] {
  const args = call.childForFieldName('arguments')?.namedChildren.filter((n): n is Node => n !== null) ?? [];
  const last = args[args.length - 1];
  if (last?.type !== 'variadic_argument') return [];
  const slice = last.namedChildren[0];
  const fn = enclosingFunction(call);
  if (slice?.type !== 'identifier' || !fn) return [];
  const options: SpreadOption[] = [];
  for (const node of fn.descendantsOfType(['short_var_declaration', 'assignment_statement', 'var_spec'])) {
    if (!node || node.startIndex > call.startIndex) continue;
    const left = node.childForFieldName('left')?.namedChildren ?? node.childrenForFieldName('name');
    if (left[0]?.text !== slice.text) continue;
    const value = node.childForFieldName('right')?.namedChildren[0] ?? node.childForFieldName('value')?.namedChildren[0];
    if (!value) continue;
    const conditional = isConditional(node, fn);
    let items: Node[] = [];
    if (value.type === 'composite_literal') items = value.childForFieldName('body')?.namedChildren.filter((n): n is Node => n !== null) ?? [];
    else if (value.type === 'call_expression' && value.childForFieldName('function')?.text === 'append') {
      items = value.childForFieldName('arguments')?.namedChildren.filter((n): n is Node => n !== null).slice(1) ?? [];
    }
    for (const item of items) options.push({ option: freeze(item), conditional });
  }
  return options;
}

function isConditional(node: Node, fn: Node): boolean {
  for (let current = node.parent; current && current.id !== fn.id; current = current.parent) {
    if (/^(if_statement|for_statement|expression_switch_statement|type_switch_statement|select_statement)$/.test(current.type)) return true;
  }
  return false;
}
