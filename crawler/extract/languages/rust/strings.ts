/** Decodes a Rust string literal's source (`"..."`, `r#"..."#`, with `b`/`c` prefixes); null if it is not one. */
export function decodeStringLiteral(source: string): string | null {
  const raw = /^[bc]?r(#*)"([\s\S]*)"\1$/.exec(source);
  if (raw) return raw[2];
  const plain = /^[bc]?"([\s\S]*)"$/.exec(source);
  if (!plain) return null;
  return plain[1].replace(/\\(\r?\n\s*|u\{[0-9a-fA-F]{1,6}\}|x[0-9a-fA-F]{2}|.)/g, (whole, escape: string) => {
    // A backslash at the end of a line joins it to the next, dropping the next line's indentation.
    if (escape.startsWith('\n') || escape.startsWith('\r\n')) return '';
    if (escape.startsWith('u{')) {
      const code = parseInt(escape.slice(2, -1), 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    if (escape.startsWith('x')) return String.fromCharCode(parseInt(escape.slice(1), 16));
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '0': '\0', '\\': '\\', '"': '"', "'": "'" };
    return simple[escape] ?? whole;
  });
}
