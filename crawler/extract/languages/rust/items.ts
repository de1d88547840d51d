import type { Node } from '../../parser.ts';
import { decodeStringLiteral } from './strings.ts';

/** The attribute's name, last path segment: `#[rmcp::tool(...)]` gives `tool`. */
export function attributeName(item: Node): string {
  const attribute = item.namedChildren.find((c) => c?.type === 'attribute');
  const path = attribute?.namedChildren[0];
  if (!path) return '';
  return path.text.slice(path.text.lastIndexOf(':') + 1);
}

/** The token tree of an attribute's arguments, or null for a bare `#[tool]`. */
export function attributeArguments(item: Node): Node | null {
  const attribute = item.namedChildren.find((c) => c?.type === 'attribute');
  return attribute?.childForFieldName('arguments') ?? null;
}

/** Attributes and comments written directly above an item, in source order. */
export function leadingTrivia(item: Node): Node[] {
  const trivia: Node[] = [];
  let previous = item.previousSibling;
  while (previous && /^(attribute_item|line_comment|block_comment)$/.test(previous.type)) {
    trivia.unshift(previous);
    previous = previous.previousSibling;
  }
  return trivia;
}

export function attributesOf(item: Node): Node[] {
  return leadingTrivia(item).filter((n) => n.type === 'attribute_item');
}

/**
 * The item's documentation as rmcp and schemars read it: every `///` line and `#[doc = "..."]`,
 * trimmed, empty lines dropped, joined with "\n". Null when there is none.
 */
export function docOf(item: Node): string | null {
  const lines: string[] = [];
  for (const node of leadingTrivia(item)) {
    let line: string | null = null;
    if (node.type === 'line_comment' && node.childForFieldName('outer')) line = node.childForFieldName('doc')?.text ?? '';
    else if (node.type === 'attribute_item' && attributeName(node) === 'doc') {
      const value = node.namedChildren.find((c) => c?.type === 'attribute')?.childForFieldName('value');
      line = value ? decodeStringLiteral(value.text) : null;
    }
    const trimmed = line?.trim();
    if (trimmed) lines.push(trimmed);
  }
  return lines.length ? lines.join('\n') : null;
}

/** True when `attribute` is `#[cfg(test)]` or a cfg that requires test (`cfg(all(test, ...))`). */
function isCfgTest(attribute: Node): boolean {
  if (attributeName(attribute) !== 'cfg') return false;
  const args = attributeArguments(attribute)?.text ?? '';
  return /\btest\b/.test(args.replace(/not\s*\([^)]*\)/g, ''));
}

/** True when the node sits in test-only code: an item under `#[cfg(test)]`, or a `#[test]` function. */
export function isTestOnly(node: Node): boolean {
  for (let current: Node | null = node; current; current = current.parent) {
    if (!/_item$/.test(current.type)) continue;
    for (const attribute of attributesOf(current)) {
      const name = attributeName(attribute);
      if (isCfgTest(attribute) || name === 'test') return true;
    }
  }
  return false;
}
