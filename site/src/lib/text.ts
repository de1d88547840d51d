/** Crawled text shown in full would let one megabyte description swamp a page. */
export const DESCRIPTION_LIMIT = 600;
export const QUOTE_LIMIT = 300;

export interface Truncated {
  /** The text to show at first. */
  shown: string;
  /** True when `shown` is shorter than the full text. */
  truncated: boolean;
  /** Length of the full text in characters (code points). */
  length: number;
}

/**
 * Shortens text to about `limit` characters, at a word boundary when one is near, never inside a
 * surrogate pair. The caller keeps the full text for a <details>.
 */
export function truncate(text: string, limit: number = DESCRIPTION_LIMIT): Truncated {
  // Fast path: fewer UTF-16 units than the limit means fewer code points too (no array per string).
  if (text.length <= limit) return { shown: text, truncated: false, length: codePoints(text) };
  // No surrogate pair: UTF-16 units are code points, so no array of characters is needed.
  const chars: ArrayLike<string> & { slice(start: number, end: number): string | string[] } = /[\uD800-\uDFFF]/.test(text) ? Array.from(text) : text;
  if (chars.length <= limit) return { shown: text, truncated: false, length: chars.length };
  const head = chars.slice(0, limit);
  let cut = typeof head === 'string' ? head : head.join('');
  const space = cut.search(/\s\S*$/);
  if (space > limit * 0.8) cut = cut.slice(0, space);
  return { shown: `${cut.trimEnd()}…`, truncated: true, length: chars.length };
}

function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) { count--; i++; }
    }
  }
  return count;
}

/** JSON.parse that gives `fallback` for null, invalid JSON or a value of the wrong shape. */
export function parseJson<T>(text: string | null | undefined, fallback: T, accept: (value: unknown) => boolean = () => true): T {
  if (text === null || text === undefined) return fallback;
  try {
    const value: unknown = JSON.parse(text);
    return accept(value) ? (value as T) : fallback;
  } catch {
    return fallback;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** "1 parameter", "3 parameters". */
export function plural(count: number, noun: string, many = `${noun}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? noun : many}`;
}

/**
 * Crawled text for an attribute that only summarises (meta description): escaping keeps it safe
 * anyway, but angle brackets and control characters are dropped so no markup-looking text survives.
 */
export function summaryText(text: string, limit = 160): string {
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/[<>\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return truncate(plain, limit).shown;
}

/**
 * A value for a Pagefind filter, or "other". Pagefind's UI renders filter values as HTML (measured:
 * a category `<img onerror>` ran), so crawled values are let through only when they hold no markup.
 */
export function filterValue(text: string | null | undefined): string {
  return typeof text === 'string' && /^[A-Za-z0-9][A-Za-z0-9 ._+#/-]{0,39}$/.test(text) ? text : 'other';
}
