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

/** The classifier's rules that compare a declared hint with the behaviour it found (report-only findings). */
export const CONTRADICTION_RULES: ReadonlyMap<string, Hint> = new Map([
  ['declaresReadOnlyButWrites', 'readOnlyHint'],
  ['declaresNonDestructiveButDeletes', 'destructiveHint'],
]);

export interface AnnotationRow {
  hint: Hint;
  /** What the source says, as text: `true`, `false`, an unresolved expression, or null when not set. */
  declared: string | null;
  origin: Origin;
  /** What a client assumes: the declared boolean, else the MCP default. */
  effective: boolean;
  /** The classifier's finding when the declaration contradicts the behaviour it found, else null. */
  contradiction: string | null;
}

const ORIGINS: readonly string[] = ['explicit', 'sdk-default', 'absent'];

/**
 * One row per hint: the declared value next to its origin (author, SDK default, absent), what a client
 * assumes, and the classifier's contradiction finding for that hint, if any. The site never guesses a
 * contradiction itself; annotations are untrusted hints and never lower a risk.
 */
export function annotationRows(annotations: unknown, origins: unknown, findings: readonly { rule: string; message: string }[]): AnnotationRow[] {
  const declaredValues = isPlainObject(annotations) ? annotations : {};
  const originOf = isPlainObject(origins) ? origins : {};
  // Own keys only: the hints are fixed names, but the objects are crawled JSON.
  const own = (object: Record<string, unknown>, key: string): unknown => (Object.hasOwn(object, key) ? object[key] : undefined);
  return HINTS.map((hint) => {
    const value = own(declaredValues, hint);
    const declared = value === undefined || value === null ? null : typeof value === 'string' ? value : JSON.stringify(value);
    const rawOrigin = own(originOf, hint);
    const origin: Origin = typeof rawOrigin === 'string' && ORIGINS.includes(rawOrigin) ? (rawOrigin as Origin) : declared === null ? 'absent' : 'explicit';
    const effective = typeof value === 'boolean' ? value : HINT_DEFAULTS[hint];
    const finding = findings.find((f) => CONTRADICTION_RULES.get(f.rule) === hint);
    return { hint, declared, origin, effective, contradiction: finding ? finding.message : null };
  });
}
