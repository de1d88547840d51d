/** Small text helpers shared by the language extractors. */

/** Removes common leading indentation, like Python's textwrap.dedent. */
export function dedent(text: string): string {
  const lines = text.split('\n');
  let indent = Infinity;
  for (const line of lines) {
    if (line.trim() === '') continue;
    indent = Math.min(indent, line.length - line.trimStart().length);
  }
  if (indent === Infinity || indent === 0) return text;
  return lines.map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length))).join('\n');
}

/**
 * Cleans a docstring the way Python's inspect.cleandoc does: the first line is stripped, the rest
 * dedented, leading and trailing blank lines removed.
 */
export function cleandoc(doc: string): string {
  const lines = doc.replace(/\t/g, '        ').split('\n');
  const first = lines[0].trim();
  const rest = dedent(lines.slice(1).join('\n')).split('\n');
  const all = [first, ...rest];
  while (all.length && all[0].trim() === '') all.shift();
  while (all.length && all[all.length - 1].trim() === '') all.pop();
  return all.map((line) => line.trimEnd()).join('\n');
}

/** Collapses runs of whitespace into one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
