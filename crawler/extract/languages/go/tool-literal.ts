import type { Hint } from '../../../model/tool.ts';
import { absentAnnotations, annotationsFromLiteral, type AnnotationState } from './annotations.ts';
import { evaluateString, type StringValue } from './evaluate.ts';
import { schemaFromExpression } from './json-literal.ts';
import type { GoPackage } from './package-index.ts';
import { keyedFields, unwrapExpression, type GoSyntax } from './syntax.ts';

/** A tool written as a struct literal: `&mcp.Tool{Name: ..., Description: ..., Annotations: ...}`. */
export interface LiteralTool {
  name: StringValue;
  nameNode: GoSyntax;
  description: StringValue | null;
  title: string | null;
  /** Null when the literal has no InputSchema field (the SDK may infer one from the handler). */
  inputSchema: Record<string, unknown> | null;
  hasInputSchema: boolean;
  annotations: AnnotationState;
}

/** Reads a tool literal. `unsetHints` are the hints the SDK sends when Annotations is set but they are not. */
export function readToolLiteral(literal: GoSyntax, pkg: GoPackage, unsetHints: Partial<Record<Hint, boolean>>): LiteralTool | null {
  const fields = keyedFields(literal);
  const name = fields.get('Name');
  if (!name) return null;
  const description = fields.get('Description');
  const title = fields.get('Title');
  const schema = fields.get('InputSchema');
  const titleValue = title ? evaluateString(title, pkg) : null;
  return {
    name: evaluateString(name, pkg),
    nameNode: name,
    description: description ? evaluateString(description, pkg) : null,
    title: titleValue?.known ? titleValue.text : null,
    inputSchema: schema ? schemaFromExpression(schema, pkg) : null,
    hasInputSchema: schema !== undefined,
    annotations: annotationsOf(fields.get('Annotations'), pkg, unsetHints),
  };
}

function annotationsOf(field: GoSyntax | undefined, pkg: GoPackage, unsetHints: Partial<Record<Hint, boolean>>): AnnotationState {
  if (!field) return absentAnnotations();
  const literal = unwrapExpression(field);
  if (literal.type === 'composite_literal' || literal.type === 'literal_value') return annotationsFromLiteral(literal, pkg, unsetHints);
  if (literal.type === 'nil') return absentAnnotations();
  // Declared elsewhere (a variable, a helper's result): set by the author, values unknown.
  const unknown = absentAnnotations();
  for (const hint of Object.keys(unknown.origins) as Hint[]) unknown.origins[hint] = 'explicit';
  return unknown;
}

/**
 * The composite-literal heuristic (reference §5.4): project-local tool types such as `api.Tool{...}`
 * count when they carry a Name and look like a tool (a Tool type with a description, or a schema).
 */
export function looksLikeToolLiteral(typeName: string, keys: Set<string>): boolean {
  if (!keys.has('Name')) return false;
  if (/Resource|Prompt|Template/.test(typeName)) return false;
  if (keys.has('InputSchema')) return true;
  return /Tool$/.test(typeName) && keys.has('Description') && keys.has('Annotations');
}
