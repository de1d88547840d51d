import type { Node } from '../../parser.ts';
import { lineOf } from '../../syntax.ts';

export { lineOf };

/** Wrappers that do not change a value: parentheses, type assertions, `!`, `satisfies`, `await`. */
const TRANSPARENT = new Set([
  'parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression', 'type_assertion', 'await_expression',
]);

/** The expression under any number of value-preserving wrappers. */
export function unwrap(node: Node): Node {
  let current = node;
  while (TRANSPARENT.has(current.type)) {
    const children = namedChildren(current);
    // `<T>x` puts the type first; every other wrapper puts the value first.
    const inner = current.type === 'type_assertion' ? children[children.length - 1] : children[0];
    if (!inner) return current;
    current = inner;
  }
  return current;
}

/** 1-based line of a node's first character. */

export function namedChildren(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment');
}

/** The argument nodes of a call (a tagged template has its template as the only argument). */
export function callArguments(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  if (!args) return [];
  if (args.type === 'template_string') return [args];
  return namedChildren(args);
}

/** The property name of a member access (`a.b` gives `b`), or null. */
export function memberName(node: Node): string | null {
  if (node.type !== 'member_expression') return null;
  return node.childForFieldName('property')?.text ?? null;
}

/** The callee's method name for `x.m(...)` calls, or null. */
export function calledMethod(call: Node): string | null {
  const callee = call.childForFieldName('function');
  return callee ? memberName(unwrap(callee)) : null;
}

/** The key of an object `pair` as written (identifier, string or number), or null when computed. */
export function pairKey(pair: Node): string | null {
  const key = pair.childForFieldName('key');
  if (!key) return null;
  if (key.type === 'property_identifier' || key.type === 'number') return key.text;
  if (key.type === 'string') return decodeStringLiteral(key);
  return null;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** The value of one escape sequence such as `\n`, `\u00e9` or an escaped line break. */
export function decodeEscape(text: string): string {
  const body = text.slice(1);
  if (body.startsWith('u{')) return String.fromCodePoint(parseInt(body.slice(2, -1), 16));
  if (body.startsWith('u') || body.startsWith('x')) return String.fromCharCode(parseInt(body.slice(1), 16));
  if (body === '\n' || body === '\r\n') return '';
  return ESCAPES[body] ?? body;
}

/** The text of a `string` node, escapes decoded. */
export function decodeStringLiteral(node: Node): string {
  let out = '';
  for (const child of namedChildren(node)) {
    if (child.type === 'string_fragment') out += child.text;
    else if (child.type === 'escape_sequence') out += decodeEscape(child.text);
  }
  return out;
}

/** Function-like nodes whose body is code we can point at. */
export const FUNCTION_TYPES = new Set([
  'arrow_function', 'function_expression', 'function', 'function_declaration', 'method_definition', 'generator_function', 'generator_function_declaration',
]);

export function isFunction(node: Node): boolean {
  return FUNCTION_TYPES.has(node.type);
}
