import type { Node } from '../../parser.ts';

/** What the prefix of a Python string literal says about how to read its body. */
export interface StringPrefix {
  raw: boolean;
  formatted: boolean;
}

export function stringPrefix(stringNode: Node): StringPrefix {
  const start = stringNode.namedChildren.find((child) => child?.type === 'string_start');
  const prefix = (start?.text ?? '').replace(/['"]+$/, '').toLowerCase();
  return { raw: prefix.includes('r'), formatted: prefix.includes('f') || prefix.includes('t') };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v',
};

/** Decodes the escapes of a non-raw literal body. Unknown escapes keep their backslash, as Python does. */
export function decodeEscapes(body: string): string {
  return body.replace(/\\(\r?\n|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|N\{[^}]*\}|.)/g, (whole, escape: string) => {
    if (escape.startsWith('\n') || escape.startsWith('\r')) return '';
    if (escape in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[escape];
    if (/^[xuU]/.test(escape)) return String.fromCodePoint(Number.parseInt(escape.slice(1), 16));
    if (/^[0-7]/.test(escape)) return String.fromCodePoint(Number.parseInt(escape, 8));
    return whole;
  });
}

/** The literal text of one `string_content` chunk, given the prefix of its string. */
export function contentText(content: Node, prefix: StringPrefix): string {
  let text = content.text;
  if (prefix.formatted) text = text.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
  return prefix.raw ? text : decodeEscapes(text);
}
