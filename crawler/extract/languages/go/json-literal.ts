import { evaluateNumber, evaluateString } from './evaluate.ts';
import type { GoPackage } from './package-index.ts';
import { calleeOf, callArguments, unwrapElement, unwrapExpression, type GoSyntax } from './syntax.ts';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Literals nest; schemas deeper than this are cut (and real ones never are). */
const MAX_DEPTH = 16;

/**
 * An input schema written in Go: `json.RawMessage(\`{...}\`)`, a JSON string constant, or a literal
 * such as `&jsonschema.Schema{Type: "object", Properties: ...}` or `map[string]any{...}`.
 * Null when it cannot be read statically.
 */
export function schemaFromExpression(node: GoSyntax, pkg: GoPackage): Record<string, unknown> | null {
  const value = toJson(node, pkg, 0);
  if (typeof value === 'string') return parseObject(value);
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The JSON value a Go literal denotes, or undefined when it is not a plain literal. */
export function toJson(node: GoSyntax, pkg: GoPackage, depth: number): Json | undefined {
  const expr = unwrapExpression(node);
  if (depth > MAX_DEPTH) return undefined;
  switch (expr.type) {
    case 'interpreted_string_literal':
    case 'raw_string_literal':
    case 'binary_expression': {
      const value = evaluateString(expr, pkg);
      return value.complete ? value.text : undefined;
    }
    case 'int_literal':
    case 'float_literal':
      return evaluateNumber(expr) ?? undefined;
    case 'true':
      return true;
    case 'false':
      return false;
    case 'nil':
      return null;
    case 'identifier': {
      const value = pkg.constants.get(expr.text);
      return value ? toJson(value, pkg, depth + 1) : undefined;
    }
    case 'composite_literal':
      return bodyToJson(expr.fields.body, pkg, depth);
    case 'literal_value':
      return bodyToJson(expr, pkg, depth);
    case 'call_expression':
      return callToJson(expr, pkg, depth);
    default:
      return undefined;
  }
}

function callToJson(call: GoSyntax, pkg: GoPackage, depth: number): Json | undefined {
  const args = callArguments(call);
  const [receiver, name] = calleeOf(call);
  if (args.length !== 1) return undefined;
  const inner = toJson(args[0], pkg, depth + 1);
  // json.RawMessage(`{...}`) and []byte(`{...}`): the text is JSON.
  const isConversion = name === 'RawMessage' || /^\[\]byte/.test(call.fields.function?.text ?? '');
  if (isConversion && typeof inner === 'string') return (parseObject(inner) as Json | null) ?? undefined;
  // Pointer helpers (jsonschema.Ptr(3), ptr.To(true)) stand for their argument.
  if (/ptr|to$/i.test(name) || receiver === 'ptr') return inner;
  return undefined;
}

function bodyToJson(body: GoSyntax | undefined, pkg: GoPackage, depth: number): Json | undefined {
  if (!body) return undefined;
  const keyed = body.children.some((child) => child.type === 'keyed_element');
  if (!keyed) {
    const items = body.children.map((child) => toJson(unwrapElement(child), pkg, depth + 1));
    return items.every((item) => item !== undefined) ? (items as Json[]) : undefined;
  }
  const object: Record<string, Json> = {};
  for (const element of body.children) {
    if (element.type !== 'keyed_element' || element.children.length < 2) continue;
    const key = unwrapElement(element.children[0]);
    const value = toJson(unwrapElement(element.children[1]), pkg, depth + 1);
    if (value === undefined) continue;
    const name = key.type === 'identifier' || key.type === 'field_identifier' ? jsonFieldName(key.text) : toJson(key, pkg, depth + 1);
    if (typeof name === 'string') object[name] = value;
  }
  return object;
}

/** Struct field names of schema types (jsonschema.Schema, mcp.ToolInputSchema) as their JSON keys. */
function jsonFieldName(field: string): string {
  if (field === 'Ref') return '$ref';
  if (field === 'Defs') return '$defs';
  return field.charAt(0).toLowerCase() + field.slice(1);
}
