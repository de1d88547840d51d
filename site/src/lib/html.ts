/**
 * HTML built from template strings for the pages written outside Astro (tool pages, at catalog scale).
 * `html` escapes every interpolated value unless it is itself `Html` (built by `html` or `raw`), so
 * crawled text can only ever arrive as text. Attribute values must be written inside double quotes.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const SPECIAL = /[&<>"']/;

export function escapeHtml(value: string): string {
  // Most crawled strings hold no special character: skip the replace (the bulk writer's hot path).
  return SPECIAL.test(value) ? value.replace(/[&<>"']/g, (char) => ESCAPES[char]) : value;
}

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Markup we wrote ourselves (never crawled text). */
export function raw(value: string): Html {
  return new Html(value);
}

function render(value: unknown): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

/** JSON for a `<script type="application/json">` or a file: `<` escaped so no `</script>` can close it. */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
