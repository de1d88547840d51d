import type { Node } from './parser.ts';

/** Tree helpers every language's extractor uses. */

/** The named children of a node (web-tree-sitter types them as possibly null). */
export function namedChildren(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => child !== null);
}

export function descendantsOfType(node: Node, types: readonly string[]): Node[] {
  return node.descendantsOfType(types as string[]).filter((child): child is Node => child !== null);
}

/** The 1-based line a node starts on. */
export function lineOf(node: Node): number {
  return node.startPosition.row + 1;
}
