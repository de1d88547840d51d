import { isPlainObject } from './text.ts';

/** The four MCP annotation hints and their defaults when absent (pessimistic, per the MCP spec). */
export const HINT_DEFAULTS = {
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: false,
  openWorldHint: true,
} as const;
export type Hint = keyof typeof HINT_DEFAULTS;
export const HINTS = Object.keys(HINT_DEFAULTS) as Hint[];

export type Origin = 'explicit' | 'sdk-default' | 'absent';

export interface AnnotationRow {
  hint: Hint;
  /** What the source says, as text: `true`, `false`, an unresolved expression, or null when not set. */
  declared: string | null;
  origin: Origin;
  /** What a client assumes: the declared boolean, else the MCP default. */
  effective: boolean;
  /** What the classification implies, or null when it does not decide. */
  inferred: boolean | null;
  /** A sentence when the declaration contradicts the inferred behaviour. */
  contradiction: string | null;
}

const ORIGINS: readonly string[] = ['explicit', 'sdk-default', 'absent'];

/** What a category implies for the hints we can judge; the rest stays undecided. */
export function inferredHints(category: string | null): Partial<Record<Hint, boolean>> {
  switch (category) {
    case 'read':
      return { readOnlyHint: true, destructiveHint: false };
    case 'delete':
      return { readOnlyHint: false, destructiveHint: true };
    case 'write': case 'execute': case 'communicate': case 'financial': case 'admin':
      return { readOnlyHint: false };
    default:
      return {};
  }
}

/**
 * One row per hint: the declared value next to its origin (author, SDK default, absent), what a client
 * assumes, and what our classification infers, with any contradiction spelled out. Annotations are
 * untrusted hints: a contradiction is reported, never used to lower a risk.
 */
export function annotationRows(annotations: unknown, origins: unknown, category: string | null): AnnotationRow[] {
  const declaredValues = isPlainObject(annotations) ? annotations : {};
  const originOf = isPlainObject(origins) ? origins : {};
  const inferred = inferredHints(category);
  return HINTS.map((hint) => {
    const value = declaredValues[hint];
    const declared = value === undefined || value === null ? null : typeof value === 'string' ? value : JSON.stringify(value);
    const rawOrigin = originOf[hint];
    const origin: Origin = typeof rawOrigin === 'string' && ORIGINS.includes(rawOrigin) ? (rawOrigin as Origin) : declared === null ? 'absent' : 'explicit';
    const effective = typeof value === 'boolean' ? value : HINT_DEFAULTS[hint];
    const implied = inferred[hint] ?? null;
    let contradiction: string | null = null;
    if (typeof value === 'boolean' && implied !== null && value !== implied) {
      contradiction = `declared ${hint}: ${value}, but the tool is classified as ${category}`;
    }
    return { hint, declared, origin, effective, inferred: implied, contradiction };
  });
}
