import type { StringValue } from './evaluate.ts';
import type { Node } from '../../parser.ts';

/**
 * A plain copy of a tree-sitter subtree. Trees live in wasm memory and are freed after each file, so
 * values that outlive a parse (package constants, struct types of sibling files) are kept as copies.
 */
export interface GoSyntax {
  type: string;
  text: string;
  /** 1-based line where the node starts. */
  line: number;
  endLine: number;
  children: GoSyntax[];
  fields: Record<string, GoSyntax>;
  /** For a `bound_value` node: a wrapper parameter's value, evaluated at the wrapper's call site. */
  value?: StringValue;
}

/** Deepest nesting copied; deeper code is replaced by an opaque node (evaluation is bounded anyway). */
const MAX_DEPTH = 64;

export function freeze(node: Node, depth = 0): GoSyntax {
  const copy: GoSyntax = {
    type: node.type,
    text: node.text,
    line: node.startPosition.row + 1,
    endLine: node.endPosition.row + 1,
    children: [],
    fields: {},
  };
  if (depth >= MAX_DEPTH) {
    copy.type = 'truncated';
    return copy;
  }
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i);
    if (!child || child.type === 'comment') continue;
    const field = node.fieldNameForChild(i);
    // Anonymous children matter only as fields (the operator of a binary expression).
    if (!child.isNamed && !field) continue;
    const frozen = freeze(child, depth + 1);
    if (child.isNamed) copy.children.push(frozen);
    if (field && !copy.fields[field]) copy.fields[field] = frozen;
  }
  return copy;
}

/** The last identifier of a type or selector (`mcp.Tool` gives `Tool`). */
export function lastName(node: GoSyntax | undefined): string {
  if (!node) return '';
  const text = node.text.replace(/\[.*$/s, '');
  return text.slice(text.lastIndexOf('.') + 1).trim();
}

/** Arguments of a call, without the parentheses. */
export function callArguments(call: GoSyntax): GoSyntax[] {
  return call.fields.arguments?.children ?? [];
}

/** `pkg.Fn` of a call as [pkg, Fn]; a plain `Fn(...)` gives ['', Fn]. */
export function calleeOf(call: GoSyntax): [string, string] {
  let fn = call.fields.function;
  if (!fn) return ['', ''];
  // Generic instantiation such as mcp.WithInputSchema[In]()
  if (fn.type === 'index_expression' || fn.type === 'generic_type') fn = fn.fields.operand ?? fn.children[0] ?? fn;
  if (fn.type === 'selector_expression') return [fn.fields.operand?.text ?? '', fn.fields.field?.text ?? ''];
  if (fn.type === 'identifier') return ['', fn.text];
  return ['', ''];
}

/** Keyed fields of a composite literal, by key name (`Name: "x"` gives Name). */
export function keyedFields(literal: GoSyntax): Map<string, GoSyntax> {
  const fields = new Map<string, GoSyntax>();
  // An elided literal (`[]Tool{{Name: ...}}`) is its own body.
  const body = literal.type === 'literal_value' ? literal : literal.fields.body;
  if (!body) return fields;
  for (const element of body.children) {
    if (element.type !== 'keyed_element' || element.children.length < 2) continue;
    const [key, value] = element.children;
    fields.set(unwrapElement(key).text, unwrapElement(value));
  }
  return fields;
}

/** The expression inside a `literal_element` wrapper. */
export function unwrapElement(node: GoSyntax): GoSyntax {
  return node.type === 'literal_element' && node.children.length === 1 ? node.children[0] : node;
}

/** `&X{...}`, `*X` and `(X)` give X. */
export function unwrapExpression(node: GoSyntax): GoSyntax {
  let current = unwrapElement(node);
  for (let i = 0; i < 8; i++) {
    const isAddressOf = current.type === 'unary_expression' && /^[&*]/.test(current.text);
    if (isAddressOf && current.fields.operand) current = current.fields.operand;
    else if (current.type === 'parenthesized_expression' && current.children[0]) current = current.children[0];
    else break;
  }
  return current;
}
