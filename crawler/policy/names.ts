/**
 * Which crawled names a policy can address, and which a gateway could confuse. Tool and parameter
 * names are chosen by the server's author, so every rule here fails closed: a name a format cannot
 * write faithfully is left out of its allow-lists, where default deny refuses it.
 */

/** Stands in for the server's name when it cannot be written, or when a tool's policy is shown alone; users rename it. */
export const SERVER_PLACEHOLDER = 'server';

/** PolicyLayer's wildcard: `tools: {"*": …}` applies to every tool and `hide: ["*"]` hides the whole server. */
export const WILDCARD = '*';

/**
 * Whether a name can stand in PolicyLayer's formats (policy.json and Intercept YAML) as itself:
 * not empty or blank (Intercept refuses a blank `hide` entry), not the wildcard, and made only of
 * characters every YAML and JSON reader keeps as they are on one line. Left out: C0 controls and
 * tab, DEL, C1 controls (U+0085 included), U+2028 and U+2029 (line breaks to libyaml and so to
 * Go's yaml.v3, but not to YAML 1.2 readers), U+FFFE and U+FFFF (refused by libyaml), and unpaired
 * surrogates (no UTF-8 form; Go's JSON decoder turns them into U+FFFD, so the name the gateway sees
 * is another one).
 */
export function isPlainName(name: string): boolean {
  return name !== WILDCARD && name.trim() !== '' && isPrintable(name);
}

/** Characters a policy may carry verbatim: YAML's printable set without tab and line breaks. */
export function isPrintable(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const printable = (code >= 0x20 && code <= 0x7e)
      || (code >= 0xa0 && code <= 0xd7ff && code !== 0x2028 && code !== 0x2029)
      || (code >= 0xe000 && code <= 0xfffd)
      || code >= 0x10000;
    if (!printable) return false;
  }
  return true;
}

/** Whether the text has a UTF-8 form: no unpaired surrogate (TOML cannot write one; serializers swap in U+FFFD). */
export function isWellFormed(text: string): boolean {
  return !/[\uD800-\uDFFF]/u.test(text);
}

/**
 * Intercept reads `args.<name>` as a path split at every dot (`args.a.b` is `b` inside `a`), so a
 * parameter it can address has no dot, besides being plain.
 */
export function isArgumentName(name: string): boolean {
  return !name.includes('.') && isPlainName(name);
}

/**
 * Names a gateway could take for one another if it normalized them: NFKC, full case folding
 * (upper then lower case, so `ß` meets `SS`) and default-ignorable characters removed, as
 * Unicode's NFKC_Casefold does. Names with the same key get the strictest risk among them.
 */
export function confusionKey(name: string): string {
  return name.replace(/\p{Default_Ignorable_Code_Point}/gu, '').normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
}

/** Code-point order, so the output does not depend on the machine's locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
