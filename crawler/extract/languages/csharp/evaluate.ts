import type { ExtractContext } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { decodeEscapes, decodeVerbatim, rawStringValue, stringLiteralValue } from './literals.ts';
import { TYPE_DECLARATIONS, descendantsOfType, enclosingType, namedChildren } from './syntax.ts';

/** A string worked out statically; `complete` is false when parts stayed as `${source}`. */
export interface Value {
  text: string;
  complete: boolean;
}

export interface CsharpEvaluator {
  evaluate(node: Node | null | undefined): Value | null;
}

/** Constants are followed into other files at most this deep. */
const MAX_DEPTH = 6;
const MAX_STEPS = 40;

interface FileScope {
  path: string;
  root: Node;
  context: ExtractContext | null;
  depth: number;
}

/** Evaluates C# expressions that build strings (attribute arguments are compile-time constants). */
export function csharpEvaluator(path: string, root: Node, context: ExtractContext | null, depth = 0): CsharpEvaluator {
  const scope: FileScope = { path, root, context, depth };
  return { evaluate: (node) => (node ? evaluate(node, scope, 0) : null) };
}

function evaluate(node: Node, scope: FileScope, steps: number): Value | null {
  if (steps > MAX_STEPS) return null;
  const literal = stringLiteralValue(node.type, node.text);
  if (literal !== null) return { text: literal, complete: true };
  switch (node.type) {
    case 'integer_literal':
    case 'real_literal':
    case 'boolean_literal':
      return { text: node.text, complete: true };
    case 'character_literal':
      return { text: decodeEscapes(node.text.slice(1, -1)), complete: true };
    case 'parenthesized_expression':
      return namedChildren(node)[0] ? evaluate(namedChildren(node)[0], scope, steps + 1) : null;
    case 'binary_expression':
      return concatenation(node, scope, steps);
    case 'interpolated_string_expression':
      return interpolation(node, scope, steps);
    case 'invocation_expression':
      return nameOf(node);
    case 'identifier':
      return constant(null, node.text, node, scope, steps);
    case 'member_access_expression': {
      const owner = node.childForFieldName('expression')?.text;
      const name = node.childForFieldName('name')?.text;
      return owner && name ? constant(owner.slice(owner.lastIndexOf('.') + 1), name, node, scope, steps) : null;
    }
    default:
      return null;
  }
}

function unresolved(node: Node): Value {
  return { text: `\${${node.text}}`, complete: false };
}

function concatenation(node: Node, scope: FileScope, steps: number): Value | null {
  if (node.childForFieldName('operator')?.text !== '+') return null;
  const parts = [node.childForFieldName('left'), node.childForFieldName('right')].map((part) =>
    part ? evaluate(part, scope, steps + 1) ?? unresolved(part) : { text: '', complete: false },
  );
  return { text: parts.map((part) => part.text).join(''), complete: parts.every((part) => part.complete) };
}

/** `$"..{X}.."`: constant holes are filled in (C# 10 constant interpolated strings), others kept as `${X}`. */
function interpolation(node: Node, scope: FileScope, steps: number): Value {
  const start = node.children.find((child) => child?.type === 'interpolation_start')?.text ?? '$';
  const verbatim = start.includes('@');
  const raw = node.children.some((child) => child?.type === '"""' || /^"""/.test(child?.text ?? '')) || /\$+"""/.test(node.text);
  let text = '';
  let complete = true;
  for (const child of node.children) {
    if (!child) continue;
    if (child.type === 'string_content' || child.type === 'escape_sequence') {
      const content = raw ? child.text : child.text.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
      text += raw ? content : verbatim ? decodeVerbatim(content) : decodeEscapes(content);
    } else if (child.type === 'interpolation') {
      const expression = namedChildren(child).find((part) => part.type !== 'interpolation_brace' && !part.type.startsWith('interpolation_'));
      const value = expression ? evaluate(expression, scope, steps + 1) : null;
      const part = value ?? unresolved(expression ?? child);
      text += part.text;
      complete &&= part.complete;
    }
  }
  return { text: raw ? rawStringValue(text) : text, complete };
}

/** `nameof(Foo)` / `nameof(Type.Member)` is the last identifier. */
function nameOf(node: Node): Value | null {
  if (node.childForFieldName('function')?.text !== 'nameof') return null;
  const argument = descendantsOfType(node, ['argument'])[0];
  if (!argument) return null;
  const text = argument.text.replace(/<.*$/, '');
  return { text: text.slice(text.lastIndexOf('.') + 1).trim(), complete: true };
}

/** A `const` (or `static readonly`) field, in the named type or the enclosing ones, then other files. */
function constant(owner: string | null, name: string, at: Node, scope: FileScope, steps: number): Value | null {
  const types = descendantsOfType(scope.root, TYPE_DECLARATIONS);
  const candidates = owner
    ? types.filter((type) => type.childForFieldName('name')?.text === owner)
    : [...enclosingTypes(at), ...types];
  for (const type of candidates) {
    const value = fieldValue(type, name);
    if (value) return evaluate(value, scope, steps + 1);
  }
  return owner ? constantElsewhere(owner, name, scope) : null;
}

function enclosingTypes(node: Node): Node[] {
  const types: Node[] = [];
  for (let type = enclosingType(node); type; type = enclosingType(type)) types.push(type);
  return types;
}

function fieldValue(type: Node, name: string): Node | null {
  const body = type.childForFieldName('body') ?? namedChildren(type).find((child) => child.type === 'declaration_list');
  for (const member of body ? namedChildren(body) : []) {
    if (member.type !== 'field_declaration') continue;
    const modifiers = namedChildren(member).filter((child) => child.type === 'modifier').map((child) => child.text);
    if (!modifiers.includes('const') && !(modifiers.includes('static') && modifiers.includes('readonly'))) continue;
    for (const declarator of descendantsOfType(member, ['variable_declarator'])) {
      const parts = namedChildren(declarator);
      if (parts[0]?.text !== name) continue;
      const value = declarator.childForFieldName('value') ?? parts[parts.length - 1];
      return value && value !== parts[0] ? value : null;
    }
  }
  return null;
}

/** By convention a class lives in `<Class>.cs`; the nearest such file is read. */
function constantElsewhere(owner: string, name: string, scope: FileScope): Value | null {
  if (!scope.context || scope.depth >= MAX_DEPTH) return null;
  const paths = scope.context.tree.paths().filter((path) => path === `${owner}.cs` || path.endsWith(`/${owner}.cs`));
  const dir = scope.path.slice(0, scope.path.lastIndexOf('/') + 1);
  const path = paths.find((candidate) => candidate.startsWith(dir)) ?? paths[0];
  if (!path || path === scope.path) return null;
  const context = scope.context;
  return context.parseFile(path, (root) => {
    const type = descendantsOfType(root, TYPE_DECLARATIONS).find((candidate) => candidate.childForFieldName('name')?.text === owner);
    const value = type ? fieldValue(type, name) : null;
    return value ? evaluate(value, { path, root, context, depth: scope.depth + 1 }, 0) : null;
  });
}
