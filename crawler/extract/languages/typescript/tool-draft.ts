import type { ToolDraft } from '../../extractor.ts';
import { HINTS, type Condition, type HandlerSpan, type HintOrigin } from '../../../model/index.ts';
import type { Node } from '../../parser.ts';
import type { Evaluator } from './evaluate.ts';
import { toJson } from './json-value.ts';
import type { Module } from './program.ts';
import { lineOf } from './syntax.ts';
import { EMPTY_ENV, type Env, type Value } from './values.ts';
import { inputSchemaOf } from './zod-schema.ts';

/** The pieces of one tool as read from a registration, before they become a ToolDraft. */
export interface ToolParts {
  name: Value;
  /** The expression that gave the name, for the line when the name was not read from a property. */
  nameNode: Node;
  mod: Module;
  title: Value | null;
  description: Value | null;
  /** null: no schema given (the SDK sends an empty object schema). */
  schema: Value | null;
  annotations: Value | null;
  handler: HandlerSpan | null;
  conditions: Condition[];
  sdk: string;
  style: string;
  /** How sure the form is, before the name's own resolution is counted. */
  formConfidence: number;
}

export function toToolDraft(evaluator: Evaluator, parts: ToolParts): ToolDraft {
  const { name } = parts;
  const origin = name.kind === 'str' || name.kind === 'partial' || name.kind === 'unknown' ? name.origin : undefined;
  const annotations = parts.annotations?.kind === 'obj' ? (toJson(evaluator, parts.annotations) as Record<string, unknown>) : null;
  const annotationsTitle = typeof annotations?.title === 'string' ? annotations.title : null;
  const description = textOf(parts.description);
  return {
    name: name.kind === 'str' || name.kind === 'partial' ? name.value : name.kind === 'unknown' ? name.src : parts.nameNode.text,
    nameResolved: name.kind === 'str',
    title: textOf(parts.title)?.value ?? annotationsTitle,
    description: description?.value ?? null,
    descriptionResolved: description ? (description.complete ? 'full' : 'partial') : 'none',
    inputSchema: inputSchemaOf(evaluator, parts.schema),
    annotations,
    annotationsOrigin: Object.fromEntries(HINTS.map((hint) => [hint, (annotations && hint in annotations ? 'explicit' : 'absent') as HintOrigin])),
    file: origin?.file ?? parts.mod.path,
    line: origin?.line ?? lineOf(parts.nameNode),
    sdk: parts.sdk,
    style: parts.style,
    conditions: dedupe(parts.conditions),
    confidence: confidenceOf(parts),
    handler: parts.handler,
  };
}

function textOf(value: Value | null): { value: string; complete: boolean } | null {
  if (!value) return null;
  if (value.kind === 'str') return { value: value.value, complete: true };
  if (value.kind === 'partial') return { value: value.value, complete: false };
  return null;
}

/** §11.1 step 9: a literal name is certain, a resolved constant nearly so, an unresolved one a guess. */
function confidenceOf(parts: ToolParts): number {
  if (parts.name.kind === 'partial') return 0.5;
  if (parts.name.kind !== 'str') return 0.3;
  const literal = parts.nameNode.type === 'string' && !parts.name.origin;
  return Math.min(parts.formConfidence, literal ? 1 : 0.95);
}

/** The span of a handler: an inline function, or the function a name refers to. */
export function handlerSpan(evaluator: Evaluator, node: Node | undefined, mod: Module, env: Env = EMPTY_ENV): HandlerSpan | null {
  if (!node) return null;
  const value = evaluator.evaluate(node, mod, env);
  const target = value.kind === 'fn' ? { node: value.node, mod: value.mod } : value.kind === 'obj' && value.node ? { node: value.node, mod: value.mod } : null;
  if (!target) return null;
  return { file: target.mod.path, startLine: lineOf(target.node), endLine: target.node.endPosition.row + 1 };
}

function dedupe(conditions: Condition[]): Condition[] {
  const seen = new Set<string>();
  return conditions.filter((condition) => {
    const key = `${condition.kind}\u0000${condition.expr}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
