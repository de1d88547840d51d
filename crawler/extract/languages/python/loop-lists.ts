import type { Condition } from '../../../model/index.ts';
import type { Node } from '../../parser.ts';
import { conditionsOf } from './conditions.ts';
import { bindingOf } from './evaluate.ts';
import type { ModuleScope } from './module-scope.ts';
import { callArguments, dottedName, enclosing, namedChildren, unwrap } from './nodes.ts';

/** One element of a list that a loop registers, with the conditions under which it is in the list. */
export interface ListItem {
  node: Node;
  /** Alternatives: the item is in the list when every condition of one alternative holds. */
  when: Condition[][];
}

const MAX_LIST_DEPTH = 4;

/**
 * The `for` loop whose variable an expression starts with (`tool` in `tool.fn`), and the items
 * of the list it walks, when that list is written in the source: a literal, a name bound to one,
 * `a + b`, a comprehension with its `if`, or a list filled by `.append` in a filtering loop
 * (`for t in all_tools: if readonly(t): selected.append(t)`). Null when the list is not known.
 */
export function loopItems(expression: Node, scope: ModuleScope): ListItem[] | null {
  const head = dottedName(unwrap(expression))?.[0];
  if (!head) return null;
  for (let loop = enclosing(expression, ['for_statement']); loop; loop = enclosing(loop, ['for_statement'])) {
    if (loop.childForFieldName('left')?.text !== head) continue;
    const list = loop.childForFieldName('right');
    return list ? listItems(list, scope, 0) : null;
  }
  return null;
}

function listItems(node: Node, scope: ModuleScope, depth: number): ListItem[] | null {
  if (depth > MAX_LIST_DEPTH) return null;
  const current = unwrap(node);
  switch (current.type) {
    case 'list': case 'tuple':
      return namedChildren(current).map((item) => ({ node: item, when: [[]] }));
    case 'binary_operator': {
      const left = current.childForFieldName('left');
      const right = current.childForFieldName('right');
      const a = left ? listItems(left, scope, depth + 1) : null;
      const b = right ? listItems(right, scope, depth + 1) : null;
      return a && b ? [...a, ...b] : null;
    }
    case 'list_comprehension': return comprehensionItems(current, scope, depth);
    case 'identifier': {
      const bound = bindingOf(current, scope);
      if (!bound) return null;
      const value = unwrap(bound);
      if (value.type === 'list' && value.namedChildCount === 0) return appendedItems(current, scope, depth);
      return listItems(bound, scope, depth + 1);
    }
    default: return null;
  }
}

/** `[t for t in tools if keep(t)]`: the items of `tools`, each under the `if`. */
function comprehensionItems(node: Node, scope: ModuleScope, depth: number): ListItem[] | null {
  const body = node.childForFieldName('body');
  const clauses = namedChildren(node).filter((child) => child.type === 'for_in_clause');
  if (!body || clauses.length !== 1 || clauses[0].childForFieldName('left')?.text !== body.text) return null;
  const source = clauses[0].childForFieldName('right');
  const items = source ? listItems(source, scope, depth + 1) : null;
  const filters = namedChildren(node).filter((child) => child.type === 'if_clause').map((clause) => namedChildren(clause)[0]?.text ?? clause.text);
  if (!items) return null;
  const extra: Condition[] = filters.map((expr) => ({ kind: 'branch', expr }));
  return items.map((item) => ({ node: item.node, when: item.when.map((all) => [...all, ...extra]) }));
}

/** A list that starts empty and is filled by `name.append(x)` in loops over known lists. */
function appendedItems(list: Node, scope: ModuleScope, depth: number): ListItem[] | null {
  const owner = enclosing(list, ['function_definition']) ?? scope.root;
  const byItem = new Map<number, ListItem>();
  for (const call of owner.descendantsOfType('call')) {
    const callee = call?.childForFieldName('function');
    const parts = callee ? dottedName(callee) : null;
    if (!call || !parts || parts.length !== 2 || parts[0] !== list.text || parts[1] !== 'append') continue;
    const argument = callArguments(call).positional[0];
    const loop = argument ? enclosing(call, ['for_statement']) : null;
    if (!argument || !loop || loop.childForFieldName('left')?.text !== argument.text) return null;
    const source = loop.childForFieldName('right');
    const items = source ? listItems(source, scope, depth + 1) : null;
    if (!items) return null;
    const inLoop = conditionsOf(call, scope).slice(conditionsOf(loop, scope).length);
    for (const item of items) {
      const known = byItem.get(item.node.startIndex) ?? { node: item.node, when: [] };
      known.when.push(...item.when.map((all) => [...all, ...inLoop]));
      byItem.set(item.node.startIndex, known);
    }
  }
  return byItem.size > 0 ? [...byItem.values()] : null;
}

/** The alternatives as conditions on a tool: none when one alternative is unconditional. */
export function combine(when: Condition[][]): Condition[] {
  if (when.length === 0 || when.some((all) => all.length === 0)) return [];
  if (when.length === 1) return when[0];
  const kinds = when.flat().map((condition) => condition.kind);
  const kind = kinds.includes('env') ? 'env' : kinds.includes('cli-flag') ? 'cli-flag' : 'branch';
  const expr = when.map((all) => all.map((condition) => (all.length > 1 ? `(${condition.expr})` : condition.expr)).join(' and ')).join(' or ');
  return [{ kind, expr }];
}
