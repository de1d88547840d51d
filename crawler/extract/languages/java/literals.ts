/** Java string literal syntax: escapes and text blocks (JLS 3.10.6, 3.10.7). */

const SIMPLE_ESCAPES: Record<string, string> = {
  b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', s: ' ', '"': '"', "'": "'", '\\': '\\',
};

/** Decodes the escapes of a literal's body; `\<newline>` (text blocks only) joins lines. */
export function decodeEscapes(body: string): string {
  return body.replace(/\\(u+[0-9a-fA-F]{4}|[0-3]?[0-7]{1,2}|\r?\n|.)/g, (_, escape: string) => {
    if (escape.startsWith('u')) return String.fromCharCode(parseInt(escape.replace(/^u+/, ''), 16));
    if (/^[0-7]/.test(escape)) return String.fromCharCode(parseInt(escape, 8));
    if (escape === '\n' || escape === '\r\n') return '';
    return SIMPLE_ESCAPES[escape] ?? escape;
  });
}

/**
 * The value of a text block: incidental indentation (the smallest indent of the non-blank lines and
 * of the closing delimiter's line) removed, trailing spaces stripped, then escapes decoded.
 */
export function textBlockValue(source: string): string {
  const inner = source.slice(3, -3);
  const firstBreak = inner.indexOf('\n');
  const content = firstBreak < 0 ? '' : inner.slice(firstBreak + 1);
  const lines = content.split(/\r?\n/);
  const last = lines.length - 1;
  const isBlank = (line: string): boolean => line.trim() === '';
  let indent = Infinity;
  lines.forEach((line, index) => {
    if (isBlank(line) && index !== last) return;
    indent = Math.min(indent, line.length - line.trimStart().length);
  });
  if (indent === Infinity) indent = 0;
  const stripped = lines.map((line) => (isBlank(line) ? '' : line.slice(indent).trimEnd()));
  return decodeEscapes(stripped.join('\n'));
}

/** The value of a `"..."` or `"""..."""` literal from its source text. */
export function stringLiteralValue(source: string): string {
  if (source.startsWith('"""')) return textBlockValue(source);
  return decodeEscapes(source.slice(1, -1));
}
