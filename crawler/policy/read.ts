import { parse as parseToml } from 'smol-toml';
import { isAlias, isNode, parseDocument, visit } from 'yaml';

/** A policy text no gateway would read as we do; the message says where and why. */
export class PolicyTextError extends Error {}

/**
 * Reads YAML as a gateway would, refusing what readers disagree on: duplicate keys, aliases,
 * explicit tags, plain scalars a YAML 1.1 reader (libyaml, Go's yaml.v3) resolves otherwise
 * (`yes`, `0777`), and raw characters YAML 1.1 takes for line breaks (U+0085, U+2028, U+2029) or
 * refuses (controls, U+FFFE, U+FFFF).
 */
export function readYaml(text: string): unknown {
  const unreadable = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]/u.exec(text);
  if (unreadable) {
    throw new PolicyTextError(`${position(text, unreadable.index)}: U+${unreadable[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} is read differently by YAML 1.1 and 1.2 readers, or refused`);
  }
  const document = parseDocument(text, { uniqueKeys: true, strict: true, stringKeys: true, merge: false, compat: 'yaml-1.1', prettyErrors: true });
  const problem = document.errors[0] ?? document.warnings[0];
  if (problem) throw new PolicyTextError(problem.message);
  visit(document, (_key, node) => {
    if (isAlias(node)) throw new PolicyTextError(`alias *${node.source}: aliases are not read`);
    if (isNode(node) && (node.anchor || node.tag)) throw new PolicyTextError(`${node.anchor ? `anchor &${node.anchor}` : `tag ${node.tag}`}: anchors and tags are not read`);
  });
  return document.toJS({ maxAliasCount: 0 });
}

/** Reads TOML 1.0 (smol-toml); a syntax error names the line. */
export function readToml(text: string): unknown {
  try {
    return parseToml(text);
  } catch (error) {
    throw new PolicyTextError((error as Error).message);
  }
}

function position(text: string, index: number): string {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return `line ${line}, column ${index - before.lastIndexOf('\n')}`;
}
