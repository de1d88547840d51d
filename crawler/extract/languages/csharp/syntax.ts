import type { Node } from '../../parser.ts';
import { namedChildren, descendantsOfType, lineOf as line } from '../../syntax.ts';

export { namedChildren, descendantsOfType, line };

/** Small tree helpers for the C# grammar. */

/** An attribute as written, with the attribute list it sits in (for `[return: ...]` targets). */
export interface Attribute {
  node: Node;
  /** `McpServerTool` for `[ModelContextProtocol.Server.McpServerToolAttribute(...)]`. */
  name: string;
  /** `return` for `[return: Description(...)]`, else null. */
  target: string | null;
}

/** The attributes written on a declaration (method, class, parameter), in source order. */
export function attributesOf(declaration: Node): Attribute[] {
  const attributes: Attribute[] = [];
  for (const list of namedChildren(declaration)) {
    if (list.type !== 'attribute_list') continue;
    const target = namedChildren(list).find((child) => child.type === 'attribute_target_specifier');
    for (const attribute of namedChildren(list)) {
      if (attribute.type !== 'attribute') continue;
      const written = attribute.childForFieldName('name')?.text ?? namedChildren(attribute)[0]?.text ?? '';
      const simple = written.slice(written.lastIndexOf('.') + 1).replace(/<.*$/, '');
      attributes.push({ node: attribute, name: simple.replace(/Attribute$/, ''), target: target ? target.text.replace(/:$/, '').trim() : null });
    }
  }
  return attributes;
}

/** Positional arguments and `Name = value` arguments of an attribute. */
export function attributeArguments(attribute: Node): { positional: Node[]; named: Map<string, Node> } {
  const positional: Node[] = [];
  const named = new Map<string, Node>();
  const list = namedChildren(attribute).find((child) => child.type === 'attribute_argument_list');
  for (const argument of list ? namedChildren(list) : []) {
    if (argument.type !== 'attribute_argument') continue;
    const inner = namedChildren(argument);
    const assignment = inner.find((child) => child.type === 'assignment_expression');
    if (assignment) {
      const key = assignment.childForFieldName('left')?.text;
      const value = assignment.childForFieldName('right');
      if (key && value) named.set(key, value);
      continue;
    }
    // Older grammars spell `Name = x` as a name_equals child followed by the value.
    const nameEquals = inner.find((child) => child.type === 'name_equals');
    const value = inner[inner.length - 1];
    if (nameEquals && value && value !== nameEquals) named.set(nameEquals.text.replace(/=\s*$/, '').trim(), value);
    else if (value) positional.push(value);
  }
  return { positional, named };
}

export const TYPE_DECLARATIONS = ['class_declaration', 'struct_declaration', 'record_declaration', 'interface_declaration'];

export function enclosingType(node: Node): Node | null {
  for (let current = node.parent; current; current = current.parent) {
    if (TYPE_DECLARATIONS.includes(current.type)) return current;
  }
  return null;
}
