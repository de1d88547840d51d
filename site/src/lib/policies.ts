import { parseJson, isPlainObject } from './text.ts';

/**
 * The policy formats the catalog stores (tool_policies.format, server_policies.format), in the order
 * the pages show them. A format the site does not know yet is shown after these, under its own id.
 */
export const POLICY_FORMATS = [
  { id: 'policy-json', label: 'policy.json', target: 'PolicyLayer gateway (hosted policy.json)' },
  { id: 'intercept-yaml', label: 'Intercept YAML', target: 'PolicyLayer Intercept, the open-source proxy' },
  { id: 'claude-code', label: 'Claude Code', target: 'Claude Code settings (.claude/settings.json)' },
  { id: 'codex', label: 'Codex', target: 'Codex config.toml' },
] as const;

export interface PolicyExample {
  /** The tools/call payload, pretty-printed JSON as stored. */
  call: string;
  decision: 'allow' | 'deny';
  reason: string;
}

export interface PolicyView {
  format: string;
  label: string;
  target: string;
  /** The policy text exactly as stored: what Copy puts on the clipboard. */
  text: string;
  examples: PolicyExample[];
}

export interface PolicyRow {
  format: string;
  text: string;
}

export interface ExampleRow {
  format: string;
  call: string;
  decision: string;
  reason: string;
}

const ORDER: ReadonlyMap<string, number> = new Map(POLICY_FORMATS.map((format, index) => [format.id, index]));

/**
 * Every stored format, known ones first in POLICY_FORMATS order, each with the example calls checked
 * against it. Without stored formats (a catalog from before migration 2) the classification's
 * policy.json stands alone.
 */
export function policyViews(rows: PolicyRow[], examples: ExampleRow[], fallbackPolicyJson: string | null): PolicyView[] {
  const list = rows.length > 0 ? rows : fallbackPolicyJson !== null ? [{ format: 'policy-json', text: fallbackPolicyJson }] : [];
  return [...list]
    .sort((a, b) => (ORDER.get(a.format) ?? 99) - (ORDER.get(b.format) ?? 99) || (a.format < b.format ? -1 : 1))
    .map((row) => {
      const known = POLICY_FORMATS.find((format) => format.id === row.format);
      return {
        format: row.format,
        label: known?.label ?? row.format,
        target: known?.target ?? row.format,
        text: row.text,
        examples: examples
          .filter((example) => example.format === row.format && (example.decision === 'allow' || example.decision === 'deny'))
          .map((example) => ({ call: prettyCall(example.call), decision: example.decision as 'allow' | 'deny', reason: example.reason })),
      };
    });
}

function prettyCall(call: string): string {
  const value = parseJson<unknown>(call, undefined);
  return value === undefined ? call : JSON.stringify(value, null, 2);
}

/** What policy.json says about one tool: hidden, listed with limits, listed as allowed, or absent. */
export type PolicyJsonStance =
  | { kind: 'hidden' }
  | { kind: 'limited'; limits: { counter: string; window: string; max: number; scope: string | null }[] }
  | { kind: 'allowed' }
  | { kind: 'denied-by-default'; defaultAction: string }
  | { kind: 'unreadable' };

export function policyJsonStance(text: string, toolName: string): PolicyJsonStance {
  const policy = parseJson<Record<string, unknown> | null>(text, null, isPlainObject);
  if (!policy) return { kind: 'unreadable' };
  const hide = Array.isArray(policy.hide) ? policy.hide : [];
  if (hide.includes(toolName) || hide.includes('*')) return { kind: 'hidden' };
  const tools = isPlainObject(policy.tools) ? policy.tools : {};
  // An own key only: `tools["__proto__"]` or `tools["constructor"]` would otherwise read Object.prototype.
  const entry = Object.hasOwn(tools, toolName) ? tools[toolName] : undefined;
  if (isPlainObject(entry)) {
    const limits = (Array.isArray(entry.limits) ? entry.limits : []).filter(isPlainObject).flatMap((limit) =>
      typeof limit.counter === 'string' && typeof limit.window === 'string' && typeof limit.max === 'number'
        ? [{ counter: limit.counter, window: limit.window, max: limit.max, scope: typeof limit.scope === 'string' ? limit.scope : null }]
        : []);
    return limits.length > 0 ? { kind: 'limited', limits } : { kind: 'allowed' };
  }
  return { kind: 'denied-by-default', defaultAction: typeof policy.default === 'string' ? policy.default : 'deny' };
}
