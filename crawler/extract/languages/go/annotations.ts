import { HINTS, type Hint, type HintOrigin } from '../../../model/tool.ts';
import { evaluateBool, evaluateString } from './evaluate.ts';
import type { GoPackage } from './package-index.ts';
import { keyedFields, type GoSyntax } from './syntax.ts';

/** Annotations as a tool declares them, with where each hint came from. */
export interface AnnotationState {
  values: Record<string, unknown>;
  origins: Record<Hint, HintOrigin>;
}

const FIELD_OF_HINT: Record<Hint, string> = {
  readOnlyHint: 'ReadOnlyHint',
  destructiveHint: 'DestructiveHint',
  idempotentHint: 'IdempotentHint',
  openWorldHint: 'OpenWorldHint',
};

/** No annotations at all: every hint takes the spec default. */
export function absentAnnotations(): AnnotationState {
  return { values: {}, origins: { readOnlyHint: 'absent', destructiveHint: 'absent', idempotentHint: 'absent', openWorldHint: 'absent' } };
}

/** What mcp-go's NewTool pre-fills: the spec defaults, written by the SDK (reference §1.2). */
export function mark3labsDefaults(): AnnotationState {
  return {
    values: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
    origins: { readOnlyHint: 'sdk-default', destructiveHint: 'sdk-default', idempotentHint: 'sdk-default', openWorldHint: 'sdk-default' },
  };
}

export function setHint(state: AnnotationState, hint: Hint, value: boolean | null): void {
  if (value === null) {
    // Set by the author to something we cannot read: the declared value is unknown, not the default.
    delete state.values[hint];
    state.origins[hint] = 'explicit';
    return;
  }
  state.values[hint] = value;
  state.origins[hint] = 'explicit';
}

/**
 * Reads a `ToolAnnotation{...}` / `&mcp.ToolAnnotations{...}` literal. `unsetDefaults` lists hints the
 * SDK serializes even when the author leaves them out (go-sdk's non-pointer ReadOnlyHint and
 * IdempotentHint are always sent, as false).
 */
export function annotationsFromLiteral(literal: GoSyntax, pkg: GoPackage, unsetDefaults: Partial<Record<Hint, boolean>> = {}): AnnotationState {
  const state = absentAnnotations();
  const fields = keyedFields(literal);
  const title = fields.get('Title');
  if (title) {
    const value = evaluateString(title, pkg);
    if (value.known) state.values.title = value.text;
  }
  for (const hint of HINTS) {
    const field = fields.get(FIELD_OF_HINT[hint]);
    if (field) {
      setHint(state, hint, evaluateBool(field, pkg));
      continue;
    }
    const fallback = unsetDefaults[hint];
    if (fallback !== undefined) {
      state.values[hint] = fallback;
      state.origins[hint] = 'sdk-default';
    }
  }
  return state;
}

/** The `annotations` field of a Tool: null when nothing was declared or filled in. */
export function annotationsValue(state: AnnotationState): Record<string, unknown> | null {
  return Object.keys(state.values).length ? { ...state.values } : null;
}
