/** Kotlin string literal syntax: escapes of `"..."`, and `trimIndent()` / `trimMargin()` of raw strings. */

const SIMPLE_ESCAPES: Record<string, string> = { t: '\t', b: '\b', n: '\n', r: '\r', "'": "'", '"': '"', '\\': '\\', $: '$' };

export function decodeEscapes(body: string): string {
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, escape: string) => {
    if (escape.startsWith('u') && escape.length === 5) return String.fromCharCode(parseInt(escape.slice(1), 16));
    return SIMPLE_ESCAPES[escape] ?? escape;
  });
}

/** `String.trimIndent()`: drop blank first and last lines, remove the common indent of non-blank lines. */
export function trimIndent(text: string): string {
  const lines = text.split('\n');
  if (lines.length && lines[0].trim() === '') lines.shift();
  if (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  const indents = lines.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length);
  const indent = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => (line.trim() === '' ? '' : line.slice(indent))).join('\n');
}

/** `String.trimMargin(prefix)`: lines start after the margin prefix; blank first and last lines dropped. */
export function trimMargin(text: string, prefix = '|'): string {
  const lines = text.split('\n');
  if (lines.length && lines[0].trim() === '') lines.shift();
  if (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  return lines
    .map((line) => {
      const trimmed = line.trimStart();
      return trimmed.startsWith(prefix) ? trimmed.slice(prefix.length) : line;
    })
    .join('\n');
}
