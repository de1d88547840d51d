import type { Node } from '../../parser.ts';
import { lineOf } from '../../syntax.ts';

export { lineOf };

/** Small accessors over the tree-sitter-python tree, so matchers read as the grammar does. */

export function namedChildren(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment');
}

/** Drops grouping that carries no meaning: `(x)` and the `type` wrapper of annotations. */
export function unwrap(node: Node): Node {
  let current = node;
  while ((current.type === 'parenthesized_expression' || current.type === 'type') && current.namedChildCount === 1) {
    const inner = namedChildren(current)[0];
    if (!inner) break;
    current = inner;
  }
  return current;
}

export interface CallArguments {
  positional: Node[];
  keywords: Map<string, Node>;
  /** The `name=` node of each keyword, for line numbers. */
  keywordNodes: Map<string, Node>;
  /** `*args` or `**kwargs` were passed: the call may carry more than we see. */
  spread: boolean;
}

export function callArguments(call: Node): CallArguments {
  const result: CallArguments = { positional: [], keywords: new Map(), keywordNodes: new Map(), spread: false };
  const list = call.childForFieldName('arguments');
  if (!list || list.type !== 'argument_list') return result;
  for (const argument of namedChildren(list)) {
    if (argument.type === 'keyword_argument') {
      const name = argument.childForFieldName('name');
      const value = argument.childForFieldName('value');
      if (name && value) {
        result.keywords.set(name.text, value);
        result.keywordNodes.set(name.text, argument);
      }
    } else if (argument.type === 'list_splat' || argument.type === 'dictionary_splat') {
      result.spread = true;
    } else {
      result.positional.push(argument);
    }
  }
  return result;
}

/** `a.b.c` as ['a', 'b', 'c'], or null when the expression is not a plain dotted name. */
export function dottedName(node: Node): string[] | null {
  const current = unwrap(node);
  if (current.type === 'identifier') return [current.text];
  if (current.type !== 'attribute') return null;
  const object = current.childForFieldName('object');
  const attribute = current.childForFieldName('attribute');
  if (!object || !attribute) return null;
  const head = dottedName(object);
  return head ? [...head, attribute.text] : null;
}

/** The last segment of a dotted name (`self.browser_click` → `browser_click`). */
export function lastSegment(node: Node): string | null {
  const parts = dottedName(node);
  return parts ? parts[parts.length - 1] : null;
}

/** The first enclosing node of one of `types`, stopping at `stop` types. */
export function enclosing(node: Node, types: readonly string[], stop: readonly string[] = []): Node | null {
  for (let current = node.parent; current; current = current.parent) {
    if (types.includes(current.type)) return current;
    if (stop.includes(current.type)) return null;
  }
  return null;
}

/** The docstring node of a function or class body, if it has one. */
export function docstringNode(definition: Node): Node | null {
  const body = definition.childForFieldName('body');
  const first = body ? namedChildren(body)[0] : undefined;
  if (!first || first.type !== 'expression_statement') return null;
  const expression = namedChildren(first);
  if (expression.length !== 1) return null;
  const only = expression[0];
  return only.type === 'string' || only.type === 'concatenated_string' ? only : null;
}

/** Starts and ends of a definition, as a handler span. */
export function spanOf(file: string, definition: Node): { file: string; startLine: number; endLine: number } {
  return { file, startLine: lineOf(definition), endLine: definition.endPosition.row + 1 };
}
