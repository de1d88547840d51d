import type { ExtractContext, SourceFile } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { decodeStringLiteral } from './strings.ts';

/** A string as far as it can be known statically; unknown parts are kept as `${source}`. */
export interface RustString {
  text: string;
  complete: boolean;
  known: boolean;
  viaConstant: boolean;
}

/** What names in a file can resolve to: its `const` / `static` items, and files next to it. */
export interface RustScope {
  file: SourceFile;
  context: ExtractContext;
  constants: Map<string, Node>;
}

/** Constants may refer to constants; bounded so a cycle or a deep chain cannot hang the crawler. */
const MAX_DEPTH = 8;

/** How much of a string was resolved: all of it, a known part, or nothing. */
export function resolution(value: RustString | null | undefined): 'full' | 'partial' | 'none' {
  if (!value) return 'none';
  return value.complete ? 'full' : value.known ? 'partial' : 'none';
}

export function constantsOf(root: Node): Map<string, Node> {
  const constants = new Map<string, Node>();
  for (const item of root.descendantsOfType(['const_item', 'static_item'])) {
    const name = item?.childForFieldName('name')?.text;
    const value = item?.childForFieldName('value');
    if (name && value && !constants.has(name)) constants.set(name, value);
  }
  return constants;
}

function literal(text: string): RustString {
  return { text, complete: true, known: true, viaConstant: false };
}

function unknown(source: string): RustString {
  return { text: `\${${source}}`, complete: false, known: false, viaConstant: false };
}

function join(parts: RustString[]): RustString {
  return {
    text: parts.map((p) => p.text).join(''),
    complete: parts.every((p) => p.complete),
    known: parts.some((p) => p.known),
    viaConstant: parts.some((p) => p.viaConstant),
  };
}

/** Evaluates the tokens of an attribute value: literals, constants, `concat!`, `include_str!`. */
export function stringFromTokens(tokens: Node[], scope: RustScope, depth = 0): RustString {
  const source = tokens.map((t) => t.text).join(' ');
  if (depth > MAX_DEPTH || tokens.length === 0) return unknown(source);
  const [first, second, third] = tokens;
  if (tokens.length === 1) return stringFromExpression(first, scope, depth);
  if (first.type === 'identifier' && second.type === '!' && third?.type === 'token_tree' && tokens.length === 3) {
    return macroString(first.text, third, scope, depth, source);
  }
  return unknown(source);
}

/** Evaluates an expression node to a string. */
export function stringFromExpression(node: Node, scope: RustScope, depth = 0): RustString {
  if (depth > MAX_DEPTH) return unknown(node.text);
  switch (node.type) {
    case 'string_literal':
    case 'raw_string_literal': {
      const text = decodeStringLiteral(node.text);
      return text === null ? unknown(node.text) : literal(text);
    }
    case 'identifier':
    case 'scoped_identifier': {
      const name = node.text.slice(node.text.lastIndexOf(':') + 1);
      const value = scope.constants.get(name);
      if (value) return { ...stringFromExpression(value, scope, depth + 1), viaConstant: true };
      const local = node.type === 'identifier' ? letValue(node) : null;
      return local ? stringFromExpression(local, scope, depth + 1) : unknown(node.text);
    }
    case 'macro_invocation': {
      const name = node.childForFieldName('macro')?.text ?? '';
      const tree = node.namedChildren.find((c) => c?.type === 'token_tree');
      return tree ? macroString(name.slice(name.lastIndexOf(':') + 1), tree, scope, depth, node.text) : unknown(node.text);
    }
    case 'reference_expression':
    case 'parenthesized_expression': {
      const inner = node.childForFieldName('value') ?? node.namedChildren[0];
      return inner ? stringFromExpression(inner, scope, depth + 1) : unknown(node.text);
    }
    case 'call_expression':
      return conversion(node, scope, depth);
    default:
      return unknown(node.text);
  }
}

/** `"x".into()`, `"x".to_string()`, `String::from("x")`, `Cow::Borrowed("x")` are the string itself. */
function conversion(call: Node, scope: RustScope, depth: number): RustString {
  const fn = call.childForFieldName('function');
  const args = call.childForFieldName('arguments')?.namedChildren.filter((n): n is Node => n !== null) ?? [];
  if (fn?.type === 'field_expression' && args.length === 0 && /^(into|to_string|to_owned|into_owned)$/.test(fn.childForFieldName('field')?.text ?? '')) {
    const value = fn.childForFieldName('value');
    return value ? stringFromExpression(value, scope, depth + 1) : unknown(call.text);
  }
  if (fn && /(String::from|Cow::Borrowed|Cow::from)$/.test(fn.text) && args.length === 1) return stringFromExpression(args[0], scope, depth + 1);
  // A helper that decorates a text, `append_description_hint("Execute ...", hint)`: the text is
  // known, what the helper adds is not.
  const first = args[0] ? stringFromExpression(args[0], scope, depth + 1) : null;
  if (first?.known) return join([first, unknown(`${fn?.text ?? ''}(...)`)]);
  return unknown(call.text);
}

/** The value of `let name = value;` in the enclosing function, when bound once before `use`. */
function letValue(use: Node): Node | null {
  let fn: Node | null = use.parent;
  while (fn && fn.type !== 'function_item' && fn.type !== 'closure_expression') fn = fn.parent;
  if (!fn) return null;
  const bindings = fn.descendantsOfType('let_declaration').filter((d) => d?.childForFieldName('pattern')?.text.replace(/^mut\s+/, '') === use.text);
  if (bindings.length !== 1 || !bindings[0] || bindings[0].endIndex > use.startIndex) return null;
  return bindings[0].childForFieldName('value');
}

function macroString(name: string, tree: Node, scope: RustScope, depth: number, source: string): RustString {
  const groups = commaGroups(tree);
  if (name === 'concat') return join(groups.map((group) => stringFromTokens(group, scope, depth + 1)));
  if (name === 'include_str' && groups.length === 1) {
    const path = stringFromTokens(groups[0], scope, depth + 1);
    const text = path.complete ? scope.context.readText(relativeTo(scope.file.path, path.text)) : null;
    return text === null ? unknown(source) : literal(text);
  }
  if (name === 'format' && groups.length >= 1) return formatString(groups, scope, depth, source);
  return unknown(source);
}

/** `format!("text {} more", x)`: the literal text, each placeholder kept as the argument's source. */
function formatString(groups: Node[][], scope: RustScope, depth: number, source: string): RustString {
  const template = stringFromTokens(groups[0], scope, depth + 1);
  if (!template.complete) return unknown(source);
  const args = groups.slice(1);
  let next = 0;
  const parts: RustString[] = [];
  let last = 0;
  for (const match of template.text.matchAll(/\{\{|\}\}|\{([^{}]*)\}/g)) {
    parts.push(literal(template.text.slice(last, match.index)));
    last = match.index + match[0].length;
    if (match[0] === '{{' || match[0] === '}}') {
      parts.push(literal(match[0][0]));
      continue;
    }
    const named = match[1].split(':')[0];
    const arg = named && !/^\d+$/.test(named) ? null : args[named ? Number(named) : next++];
    const value = arg ? stringFromTokens(arg, scope, depth + 1) : unknown(named || '?');
    parts.push(value);
  }
  parts.push(literal(template.text.slice(last)));
  return join(parts);
}

/** The comma-separated token groups inside a token tree's delimiters. */
export function commaGroups(tree: Node): Node[][] {
  const tokens = tree.children.filter((t): t is Node => t !== null).slice(1, -1);
  const groups: Node[][] = [[]];
  for (const token of tokens) {
    if (token.type === ',') groups.push([]);
    else if (!/comment/.test(token.type)) groups[groups.length - 1].push(token);
  }
  return groups.filter((g) => g.length > 0);
}

/** `include_str!` paths are relative to the including file. */
function relativeTo(file: string, path: string): string {
  const parts = file.split('/').slice(0, -1);
  for (const segment of path.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

/** A boolean attribute value (`true` / `false`), or null. */
export function boolFromTokens(tokens: Node[]): boolean | null {
  if (tokens.length !== 1) return null;
  if (tokens[0].text === 'true') return true;
  if (tokens[0].text === 'false') return false;
  return null;
}
