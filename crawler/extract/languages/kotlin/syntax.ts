import type { Node } from '../../parser.ts';
import { namedChildren, descendantsOfType, lineOf as line } from '../../syntax.ts';

export { namedChildren, descendantsOfType, line };

/** Small tree helpers for the Kotlin grammar (tree-sitter-wasms' fwcd grammar). */

export interface Argument {
  /** `name` of `name = value`, or null for a positional argument. */
  name: string | null;
  value: Node;
}

/** One call as written: `receiver.callee(args) { lambda }`. */
export interface Call {
  node: Node;
  /** The called name's identifier (`addTool`), for its line. */
  callee: Node;
  name: string;
  args: Argument[];
  /** The trailing lambda, if any. */
  lambda: Node | null;
}

/**
 * Reads a `call_expression`. The grammar nests a trailing lambda as a second call around the first
 * (`(call (call addTool (args)) (lambda))`), so the outer one is read as a whole and the inner one
 * is skipped (null).
 */
export function readCall(node: Node): Call | null {
  if (node.type !== 'call_expression') return null;
  const parent = node.parent;
  if (parent?.type === 'call_expression' && parent.namedChildren[0]?.id === node.id && isLambdaOnly(parent)) return null;
  let target = node;
  let lambda = lambdaOf(node);
  const first = namedChildren(node)[0];
  if (first?.type === 'call_expression' && isLambdaOnly(node)) target = first;
  const calleeExpression = namedChildren(target)[0];
  const callee = calleeExpression ? calleeIdentifier(calleeExpression) : null;
  if (!callee) return null;
  if (target !== node) lambda ??= lambdaOf(target);
  return { node, callee, name: callee.text, args: argumentsOf(target), lambda };
}

function isLambdaOnly(call: Node): boolean {
  const suffix = namedChildren(call).find((child) => child.type === 'call_suffix');
  return !!suffix && namedChildren(suffix).every((child) => child.type === 'annotated_lambda');
}

function lambdaOf(call: Node): Node | null {
  const suffix = namedChildren(call).find((child) => child.type === 'call_suffix');
  const annotated = suffix ? namedChildren(suffix).find((child) => child.type === 'annotated_lambda') : undefined;
  return annotated ? namedChildren(annotated).find((child) => child.type === 'lambda_literal') ?? null : null;
}

function calleeIdentifier(expression: Node): Node | null {
  if (expression.type === 'simple_identifier') return expression;
  if (expression.type === 'navigation_expression') {
    const suffix = namedChildren(expression).filter((child) => child.type === 'navigation_suffix').pop();
    return suffix ? namedChildren(suffix).find((child) => child.type === 'simple_identifier') ?? null : null;
  }
  return null;
}

/** The receiver text of `a.b.callee(...)`, or null. */
export function receiverOf(call: Call): string | null {
  const navigation = call.callee.parent?.parent;
  if (navigation?.type !== 'navigation_expression') return null;
  const receiver = namedChildren(navigation)[0];
  return receiver && receiver.id !== call.callee.parent?.id ? receiver.text : null;
}

function argumentsOf(call: Node): Argument[] {
  const suffix = namedChildren(call).find((child) => child.type === 'call_suffix');
  const list = suffix ? namedChildren(suffix).find((child) => child.type === 'value_arguments') : undefined;
  const args: Argument[] = [];
  for (const argument of list ? namedChildren(list) : []) {
    if (argument.type !== 'value_argument') continue;
    const parts = namedChildren(argument);
    const value = parts[parts.length - 1];
    if (!value) continue;
    const named = parts.length > 1 && parts[0].type === 'simple_identifier' && argument.children.some((child) => child?.type === '=');
    args.push({ name: named ? parts[0].text : null, value });
  }
  return args;
}

/** `Tool.Input` for `Tool.Input(...)`, `ToolSchema` for `ToolSchema(...)`: the callee as written. */
export function calleeText(call: Call): string {
  const expression = call.callee.parent?.type === 'navigation_suffix' ? call.callee.parent.parent : call.callee;
  return expression?.text ?? call.name;
}

/** The argument for a parameter: by name, else at its position among the positional ones. */
export function argument(call: Call, name: string, position: number | null): Node | null {
  const named = call.args.find((arg) => arg.name === name);
  if (named) return named.value;
  if (position === null) return null;
  return call.args.filter((arg) => arg.name === null)[position]?.value ?? null;
}
