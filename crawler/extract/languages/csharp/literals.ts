/** C# string literal syntax: regular escapes, verbatim `@"..."` and raw `"""..."""` strings. */

const SIMPLE_ESCAPES: Record<string, string> = {
  "'": "'", '"': '"', '\\': '\\', '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

/** Decodes the escapes of a regular (non-verbatim) literal's body. */
export function decodeEscapes(body: string): string {
  return body.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{1,4}|.)/g, (_, escape: string) => {
    if (/^[uUx]./.test(escape)) return String.fromCodePoint(parseInt(escape.slice(1), 16));
    return SIMPLE_ESCAPES[escape] ?? escape;
  });
}

/** A verbatim string's body: only `""` is special. */
export function decodeVerbatim(body: string): string {
  return body.replace(/""/g, '"');
}

/**
 * A raw string's value. Multi-line raw strings drop the line after the opening quotes and the line
 * of the closing quotes, whose leading whitespace is removed from every line.
 */
export function rawStringValue(content: string): string {
  if (!content.includes('\n')) return content;
  const lines = content.split(/\r?\n/);
  const closing = lines.pop() ?? '';
  lines.shift();
  const indent = closing.length - closing.trimStart().length;
  return lines.map((line) => (line.trim() === '' ? '' : line.slice(Math.min(indent, line.length - line.trimStart().length)))).join('\n');
}

/** The value of a `string_literal`, `verbatim_string_literal` or `raw_string_literal` from its source text. */
export function stringLiteralValue(type: string, source: string): string | null {
  if (type === 'string_literal') return decodeEscapes(source.replace(/u8$/, '').slice(1, -1));
  if (type === 'verbatim_string_literal') return decodeVerbatim(source.slice(2, -1));
  if (type === 'raw_string_literal') {
    const quotes = /^"+/.exec(source)?.[0].length ?? 3;
    return rawStringValue(source.replace(/u8$/, '').slice(quotes, -quotes));
  }
  return null;
}
