/**
 * Intercept compiles `regex` values with Go's RE2. The patterns we emit use a subset that means the
 * same in JavaScript, except the leading `(?i)` flag group, which becomes the `i` flag. Constructs
 * where the two dialects differ are refused rather than approximated.
 */
export function re2ToJs(pattern: string): RegExp {
  let source = pattern;
  let flags = '';
  if (source.startsWith('(?i)')) {
    source = source.slice(4);
    flags = 'i';
  }
  if (/\(\?[a-zA-Z]|\(\?<?[=!]|\\[pPQEzAbB]|\\\d/.test(source)) {
    throw new Error(`regex uses RE2 syntax the evaluator does not translate: ${pattern}`);
  }
  return new RegExp(source, flags);
}
