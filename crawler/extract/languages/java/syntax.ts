import type { Node } from '../../parser.ts';
import { namedChildren, descendantsOfType, lineOf as line } from '../../syntax.ts';

export { namedChildren, descendantsOfType, line };

/** Small tree helpers for the Java grammar. */

/** Every descendant of `node` (itself included) of one of `types`, in source order. */

export function hasModifier(declaration: Node, modifier: string): boolean {
  const modifiers = namedChildren(declaration).find((child) => child.type === 'modifiers');
  return modifiers?.children.some((child) => child?.type === modifier) ?? false;
}

export function annotationsOf(declaration: Node): Node[] {
  const modifiers = namedChildren(declaration).find((child) => child.type === 'modifiers');
  if (!modifiers) return [];
  return namedChildren(modifiers).filter((child) => child.type === 'annotation' || child.type === 'marker_annotation');
}

/** `Tool`, `Tool.Annotations` or `io.x.Tool` as written. */
export function annotationName(annotation: Node): string {
  return annotation.childForFieldName('name')?.text ?? '';
}

/** The simple (last) segment of a dotted name. */
export function simpleName(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/** The `key = value` pairs of an annotation; a lone value is keyed `value`. */
export function annotationArguments(annotation: Node): Map<string, Node> {
  const args = new Map<string, Node>();
  const list = annotation.childForFieldName('arguments');
  if (!list) return args;
  for (const child of namedChildren(list)) {
    if (child.type === 'element_value_pair') {
      const key = child.childForFieldName('key')?.text;
      const value = child.childForFieldName('value');
      if (key && value) args.set(key, value);
    } else if (child.type !== 'comment') {
      args.set('value', child);
    }
  }
  return args;
}

/** The nearest enclosing class-like declaration. */
export function enclosingType(node: Node): Node | null {
  for (let current = node.parent; current; current = current.parent) {
    if (TYPE_DECLARATIONS.includes(current.type)) return current;
  }
  return null;
}

/** The declarations around a node, outermost first: its types, then its method (or the node itself when a declaration). */
export function declarationsAround(node: Node): Node[] {
  const declarations: Node[] = [];
  for (let current: Node | null = node; current; current = current.parent) {
    if (TYPE_DECLARATIONS.includes(current.type) || current.type === 'method_declaration') declarations.unshift(current);
  }
  return declarations;
}

export const TYPE_DECLARATIONS = ['class_declaration', 'interface_declaration', 'enum_declaration', 'record_declaration', 'annotation_type_declaration'];

