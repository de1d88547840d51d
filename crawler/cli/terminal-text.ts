/**
 * Characters that must never reach a terminal raw from crawled text: C0 controls (ESC starts every
 * terminal escape: OSC 52 writes the clipboard, CSI moves the cursor and clears the screen), DEL, C1
 * controls (U+009B is an 8-bit CSI), every format character (bidi overrides and isolates reorder what
 * is shown, zero-width characters and tag characters hide text), line and paragraph separators, lone
 * surrogates, and the whole U+2060–U+206F block of invisible operators (its unassigned slots too, which
 * a newer terminal may give a meaning).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u2060-\u206f]/gu;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.codePointAt(0) as number;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/**
 * Crawled text made safe to print to a terminal: every control, format and bidi character becomes a
 * visible escape (`\x1b`, `\x9b`, `\u{202e}`), so the reader sees what the text holds and the terminal
 * obeys none of it. The newlines of our own output are added outside this function.
 */
export function visible(text: string): string {
  return text.replace(INVISIBLE, escapeOne);
}

/** Characters JSON.stringify leaves raw that a terminal or a reader would still act on. */
const RAW_IN_JSON = /[\u007f-\u009f\p{Cf}\u2028\u2029]/gu;

function jsonEscape(char: string): string {
  let out = '';
  for (let i = 0; i < char.length; i++) out += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/**
 * JSON.stringify, with DEL, C1, format and bidi characters written as `\u` escapes too (JSON.stringify
 * escapes C0 and lone surrogates but leaves U+009B and U+202E raw). Outside strings JSON is ASCII, so
 * every such character sits inside a string and the escape parses back to the same value.
 */
export function jsonText(value: unknown, indent?: number): string {
  return (JSON.stringify(value, null, indent) ?? 'null').replace(RAW_IN_JSON, jsonEscape);
}
