import type { GoPackage } from './package-index.ts';
import { calleeOf, callArguments, unwrapExpression, type GoSyntax } from './syntax.ts';

/**
 * A string as far as it can be known statically. Unknown parts are kept as `${source}` so a reader
 * still sees where they were; `complete` says no such part exists, `known` that some text is literal.
 */
export interface StringValue {
  text: string;
  complete: boolean;
  known: boolean;
  /** True when a package constant was followed (lower confidence than an inline literal). */
  viaConstant: boolean;
}

/** Constants may refer to constants; real code never needs more hops than this. */
const MAX_DEPTH = 8;

function unknown(node: GoSyntax): StringValue {
  return { text: `\${${node.text}}`, complete: false, known: false, viaConstant: false };
}

function literal(text: string): StringValue {
  return { text, complete: true, known: true, viaConstant: false };
}

function join(parts: StringValue[]): StringValue {
  return {
    text: parts.map((p) => p.text).join(''),
    complete: parts.every((p) => p.complete),
    known: parts.some((p) => p.known),
    viaConstant: parts.some((p) => p.viaConstant),
  };
}

/** Evaluates a Go string expression: literals, `+`, package constants, known helpers. */
export function evaluateString(node: GoSyntax, pkg: GoPackage, depth = 0): StringValue {
  const expr = unwrapExpression(node);
  if (depth > MAX_DEPTH) return unknown(expr);
  switch (expr.type) {
    case 'interpreted_string_literal':
      return literal(decodeInterpreted(expr.text.slice(1, -1)));
    case 'raw_string_literal':
      // Go drops carriage returns from raw strings.
      return literal(expr.text.slice(1, -1).replace(/\r/g, ''));
    case 'binary_expression': {
      // Long descriptions are chains of `+` that nest on the left: walk the chain, not the depth.
      const operands: GoSyntax[] = [];
      let current: GoSyntax = expr;
      while (current.type === 'binary_expression') {
        const { left, right, operator } = current.fields;
        if (!left || !right || operator?.text !== '+') return unknown(expr);
        operands.unshift(right);
        current = unwrapExpression(left);
      }
      operands.unshift(current);
      return join(operands.map((operand) => evaluateString(operand, pkg, depth + 1)));
    }
    case 'bound_value':
      return expr.value ?? unknown(expr);
    case 'identifier':
    case 'selector_expression': {
      const value = pkg.constants.get(expr.text);
      if (!value) return unknown(expr);
      // A wrapper's parameter bound to its call-site argument is as direct as the argument itself.
      if (value.type === 'bound_value') return value.value ?? unknown(expr);
      return { ...evaluateString(value, pkg, depth + 1), viaConstant: true };
    }
    case 'call_expression':
      return evaluateCall(expr, pkg, depth);
    default:
      return unknown(expr);
  }
}

function evaluateCall(call: GoSyntax, pkg: GoPackage, depth: number): StringValue {
  const args = callArguments(call);
  const [receiver, name] = calleeOf(call);
  // Translation helpers such as github-mcp-server's t("TOOL_X_DESCRIPTION", "default text"):
  // the default is what users get unless they override it.
  if (args.length === 2 && isTranslationKey(args[0])) return evaluateString(args[1], pkg, depth + 1);
  if (receiver === 'fmt' && name === 'Sprintf' && args.length > 0) return sprintf(args, pkg, depth);
  if (receiver === 'strings' && name === 'TrimSpace' && args.length === 1) {
    const inner = evaluateString(args[0], pkg, depth + 1);
    return inner.complete ? { ...inner, text: inner.text.trim() } : inner;
  }
  if (receiver === 'strings' && name === 'Join' && args.length === 2) return joinCall(args, pkg, depth);
  if (args.length === 0) return getterResult(call, receiver, name, pkg, depth);
  return unknown(call);
}

/**
 * A repository function without parameters, such as `defaults.ToolsetName()`: what its final
 * `return` gives, the value unless a build overrides it. Followed like a constant.
 */
function getterResult(call: GoSyntax, receiver: string, name: string, pkg: GoPackage, depth: number): StringValue {
  const dir = receiver ? pkg.importDirs.get(receiver) : undefined;
  const owner = !receiver ? pkg : dir !== undefined ? pkg.packageAt?.(dir) : undefined;
  const result = owner?.functions.get(name)?.result;
  if (!owner || !result) return unknown(call);
  const value = evaluateString(result, owner, depth + 1);
  return value.known ? { ...value, viaConstant: true } : unknown(call);
}

/** `"TOOL_X_DESCRIPTION"`, or a key built at run time: `"TOOL_" + strings.ToUpper(name) + "_DESCRIPTION"`. */
function isTranslationKey(node: GoSyntax): boolean {
  let leftmost = unwrapExpression(node);
  while (leftmost.type === 'binary_expression' && leftmost.fields.left) leftmost = unwrapExpression(leftmost.fields.left);
  return /^"[A-Z][A-Z0-9_]*"$/.test(leftmost.text);
}

function sprintf(args: GoSyntax[], pkg: GoPackage, depth: number): StringValue {
  const format = evaluateString(args[0], pkg, depth + 1);
  if (!format.complete) return unknown({ ...args[0], text: args.map((a) => a.text).join(', ') });
  const parts: StringValue[] = [];
  let next = 1;
  let last = 0;
  const verb = /%[-+# 0-9.]*[a-zA-Z%]/g;
  for (const match of format.text.matchAll(verb)) {
    parts.push(literal(format.text.slice(last, match.index)));
    last = match.index + match[0].length;
    if (match[0] === '%%') {
      parts.push(literal('%'));
      continue;
    }
    const arg = args[next++];
    if (!arg) parts.push(literal(match[0]));
    else if (/^%[sqv]$/.test(match[0])) parts.push(evaluateString(arg, pkg, depth + 1));
    else if (/^-?[0-9.]+$/.test(arg.text)) parts.push(literal(arg.text));
    else parts.push(unknown(arg));
  }
  parts.push(literal(format.text.slice(last)));
  return join(parts);
}

function joinCall(args: GoSyntax[], pkg: GoPackage, depth: number): StringValue {
  const list = unwrapExpression(args[0]);
  const separator = evaluateString(args[1], pkg, depth + 1);
  if (list.type !== 'composite_literal' || !separator.complete) return unknown(list);
  const items = (list.fields.body?.children ?? []).map((item) => evaluateString(item, pkg, depth + 1));
  const parts: StringValue[] = [];
  items.forEach((item, i) => {
    if (i > 0) parts.push(separator);
    parts.push(item);
  });
  return join(parts);
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', '"': '"', "'": "'" };

/** Decodes the escapes of a Go interpreted string literal's content. */
export function decodeInterpreted(content: string): string {
  return content.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (whole, escape: string) => {
    if (escape in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[escape];
    if (/^[xuU]/.test(escape)) return safeCodePoint(parseInt(escape.slice(1), 16), whole);
    if (/^[0-7]{3}$/.test(escape)) return String.fromCharCode(parseInt(escape, 8));
    return whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

/**
 * A boolean as written for a hint: `true`, a constant, or a pointer helper around one
 * (`mcp.ToBoolPtr(true)`, `ptr.To(true)`, `jsonschema.Ptr(true)`, `&yes`). Null when unknown.
 */
export function evaluateBool(node: GoSyntax, pkg: GoPackage, depth = 0): boolean | null {
  const expr = unwrapExpression(node);
  if (depth > MAX_DEPTH) return null;
  if (expr.type === 'true') return true;
  if (expr.type === 'false') return false;
  if (expr.type === 'identifier' || expr.type === 'selector_expression') {
    const value = pkg.constants.get(expr.text);
    return value ? evaluateBool(value, pkg, depth + 1) : null;
  }
  if (expr.type === 'unary_expression' && expr.text.startsWith('!') && expr.fields.operand) {
    const inner = evaluateBool(expr.fields.operand, pkg, depth + 1);
    return inner === null ? null : !inner;
  }
  if (expr.type === 'call_expression') {
    const args = callArguments(expr);
    if (args.length === 1) return evaluateBool(args[0], pkg, depth + 1);
  }
  return null;
}

/** A number literal, or null. */
export function evaluateNumber(node: GoSyntax): number | null {
  const expr = unwrapExpression(node);
  if (expr.type !== 'int_literal' && expr.type !== 'float_literal') return null;
  const value = Number(expr.text.replace(/_/g, ''));
  return Number.isFinite(value) ? value : null;
}
