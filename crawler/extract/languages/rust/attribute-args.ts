import type { Node } from '../../parser.ts';

/** One `key = value`, `key(...)` or bare `key` inside an attribute's parentheses. */
export interface AttributeEntry {
  key: string;
  /** The tokens after `=`, for `key = value`. */
  value: Node[] | null;
  /** The nested token tree, for `key(...)`. */
  nested: Node | null;
}

/**
 * Re-tokenizes an attribute's token tree (tree-sitter leaves it unstructured) into its entries.
 * Entries are separated by top-level commas; nested parentheses are single token-tree nodes.
 */
export function attributeEntries(tokenTree: Node | null): AttributeEntry[] {
  if (!tokenTree) return [];
  const tokens = tokenTree.children.filter((t): t is Node => t !== null).slice(1, -1);
  const entries: AttributeEntry[] = [];
  let group: Node[] = [];
  const flush = (): void => {
    const [first, second] = group;
    // Keys are words; some (`default`, `type`) are keywords to the grammar rather than identifiers.
    if (first && /^[A-Za-z_]\w*$/.test(first.text)) {
      if (second?.type === '=') entries.push({ key: first.text, value: group.slice(2), nested: null });
      else if (second?.type === 'token_tree' && group.length === 2) entries.push({ key: first.text, value: null, nested: second });
      else if (group.length === 1) entries.push({ key: first.text, value: null, nested: null });
    }
    group = [];
  };
  for (const token of tokens) {
    if (token.type === ',') flush();
    else if (!/comment/.test(token.type)) group.push(token);
  }
  flush();
  return entries;
}

export function entry(entries: AttributeEntry[], key: string): AttributeEntry | undefined {
  return entries.find((e) => e.key === key);
}
