import type { ExtractContext } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { decodeEscapes, trimIndent, trimMargin } from './literals.ts';
import { descendantsOfType, namedChildren, readCall } from './syntax.ts';

/** A string worked out statically; `complete` is false when parts stayed as `${source}`. */
export interface Value {
  text: string;
  complete: boolean;
}

/** Evaluates Kotlin expressions that build strings, and finds what a name was bound to. */
export interface KotlinEvaluator {
  evaluate(node: Node | null | undefined): Value | null;
  /** The initializer of the `val`/`const val` a name refers to (local, file, object, same folder), or null. */
  definition(node: Node): Node | null;
}

const MAX_STEPS = 40;
const MAX_DEPTH = 4;
const CONTAINERS = ['object_declaration', 'class_declaration', 'companion_object'];

interface FileScope {
  path: string;
  root: Node;
  context: ExtractContext | null;
  depth: number;
}

export function kotlinEvaluator(path: string, root: Node, context: ExtractContext | null, depth = 0): KotlinEvaluator {
  const scope: FileScope = { path, root, context, depth };
  return {
    evaluate: (node) => (node ? evaluate(node, scope, 0) : null),
    definition: (node) => {
      const found = definitionOf(node, scope);
      return found && 'node' in found ? found.node : null;
    },
  };
}

function unresolved(node: Node): Value {
  return { text: `\${${node.text}}`, complete: false };
}

function evaluate(node: Node, scope: FileScope, steps: number): Value | null {
  if (steps > MAX_STEPS) return null;
  switch (node.type) {
    case 'string_literal':
    case 'line_string_literal':
    case 'multi_line_string_literal':
      return stringLiteral(node, scope, steps);
    case 'integer_literal':
    case 'real_literal':
    case 'boolean_literal':
      return { text: node.text, complete: true };
    case 'parenthesized_expression':
      return namedChildren(node)[0] ? evaluate(namedChildren(node)[0], scope, steps + 1) : null;
    case 'additive_expression':
      return concatenation(node, scope, steps);
    case 'call_expression':
      return stringCall(node, scope, steps);
    case 'simple_identifier':
    case 'navigation_expression': {
      return identifierValue(node, scope, steps);
    }
    default:
      return null;
  }
}

function stringLiteral(node: Node, scope: FileScope, steps: number): Value {
  const raw = node.text.startsWith('"""');
  let text = '';
  let complete = true;
  for (const part of namedChildren(node)) {
    if (part.type === 'string_content') {
      text += raw ? part.text : decodeEscapes(part.text);
    } else if (part.type === 'interpolated_identifier' || part.type === 'interpolated_expression') {
      const expression = part.type === 'interpolated_expression' ? namedChildren(part)[0] : part;
      const value = (expression && part.type === 'interpolated_expression' ? evaluate(expression, scope, steps + 1) : identifierValue(part, scope, steps)) ?? unresolved(expression ?? part);
      text += value.text;
      complete &&= value.complete;
    }
  }
  return { text, complete };
}

function identifierValue(node: Node, scope: FileScope, steps: number): Value | null {
  const found = definitionOf(node, scope);
  if (!found) return null;
  return 'value' in found ? found.value : evaluate(found.node, scope, steps + 1);
}

function concatenation(node: Node, scope: FileScope, steps: number): Value | null {
  if (!node.children.some((child) => child?.type === '+')) return null;
  const parts = namedChildren(node).map((part) => evaluate(part, scope, steps + 1) ?? unresolved(part));
  return { text: parts.map((part) => part.text).join(''), complete: parts.every((part) => part.complete) };
}

/** `"""...""".trimIndent()`, `.trimMargin()`, `.trim()`, `"..".format(x)`: the literal part is kept. */
function stringCall(node: Node, scope: FileScope, steps: number): Value | null {
  const call = readCall(node);
  const navigation = call?.callee.parent?.parent;
  if (!call || navigation?.type !== 'navigation_expression') return null;
  const receiver = namedChildren(navigation)[0];
  const base = receiver ? evaluate(receiver, scope, steps + 1) : null;
  if (!base) return null;
  switch (call.name) {
    case 'trimIndent':
      return { ...base, text: trimIndent(base.text) };
    case 'trimMargin': {
      const prefix = call.args[0] ? evaluate(call.args[0].value, scope, steps + 1)?.text : undefined;
      return { ...base, text: trimMargin(base.text, prefix || '|') };
    }
    case 'trim':
      return { ...base, text: base.text.trim() };
    case 'format':
      return { text: base.text, complete: base.complete && call.args.length === 0 };
    default:
      return null;
  }
}

/** A node of this file, or the value of one in another file (whose tree is freed by then). */
type Found = { node: Node } | { value: Value };

/** What `name` or `Owner.NAME` was bound to: a local `val` before it, a property of the file, then other files. */
function definitionOf(node: Node, scope: FileScope): Found | null {
  if (node.type === 'navigation_expression') {
    const parts = namedChildren(node);
    const owner = parts[0]?.text;
    const member = parts[parts.length - 1]?.type === 'navigation_suffix' ? namedChildren(parts[parts.length - 1])[0]?.text : undefined;
    if (!owner || !member || parts.length !== 2) return null;
    const simpleOwner = owner.slice(owner.lastIndexOf('.') + 1);
    const here = memberOf(scope.root, simpleOwner, member);
    if (here) return { node: here };
    return elsewhere(`${simpleOwner}.kt`, (root) => memberOf(root, simpleOwner, member), scope);
  }
  const name = node.type === 'interpolated_identifier' ? node.text.replace(/^\$/, '') : node.text;
  const local = localValue(node, name);
  if (local) return { node: local };
  const inFile = propertyIn(scope.root, name, true);
  if (inFile) return { node: inFile };
  // Top-level constants of the same package usually sit in a sibling file.
  const dir = scope.path.slice(0, scope.path.lastIndexOf('/') + 1);
  const siblings = scope.context?.tree.paths().filter((path) => path.startsWith(dir) && /\.kts?$/.test(path) && !path.slice(dir.length).includes('/')) ?? [];
  for (const sibling of siblings) {
    if (sibling === scope.path || !scope.context?.readText(sibling)?.includes(`val ${name}`)) continue;
    const found = elsewhere(sibling, (root) => propertyIn(root, name, false), scope);
    if (found) return found;
  }
  return null;
}

function elsewhere(fileOrSuffix: string, find: (root: Node) => Node | null, scope: FileScope): Found | null {
  const context = scope.context;
  if (!context || scope.depth >= MAX_DEPTH) return null;
  const path = fileOrSuffix.includes('/')
    ? fileOrSuffix
    : context.tree.paths().find((candidate) => candidate === fileOrSuffix || candidate.endsWith(`/${fileOrSuffix}`));
  if (!path || path === scope.path) return null;
  // The other file's tree is freed after parseFile: evaluate there and hand back the value.
  return context.parseFile(path, (root) => {
    const node = find(root);
    const value = node ? evaluate(node, { path, root, context, depth: scope.depth + 1 }, 0) : null;
    return value ? { value } : null;
  });
}

/** A `val` declared earlier in an enclosing block of statements. */
function localValue(node: Node, name: string): Node | null {
  for (let block = node.parent; block; block = block.parent) {
    if (CONTAINERS.includes(block.type) || block.type === 'source_file') return null;
    if (block.type !== 'statements') continue;
    for (const statement of namedChildren(block)) {
      if (statement.startIndex >= node.startIndex) break;
      const value = propertyValue(statement, name);
      if (value) return value;
    }
  }
  return null;
}

/** A property of the file: top level, or (when `nested`) inside any object or companion. */
function propertyIn(root: Node, name: string, nested: boolean): Node | null {
  for (const declaration of descendantsOfType(root, ['property_declaration'])) {
    if (!nested && !isTopLevel(declaration)) continue;
    if (!isTopLevel(declaration) && !CONTAINERS.includes(containerOf(declaration)?.type ?? '')) continue;
    const value = propertyValue(declaration, name);
    if (value) return value;
  }
  return null;
}

/** `Owner.NAME`: a property of an object (or a class's companion) named `Owner`. */
function memberOf(root: Node, owner: string, name: string): Node | null {
  for (const container of descendantsOfType(root, ['object_declaration', 'class_declaration'])) {
    if (namedChildren(container).find((child) => child.type === 'type_identifier')?.text !== owner) continue;
    for (const declaration of descendantsOfType(container, ['property_declaration'])) {
      const value = propertyValue(declaration, name);
      if (value) return value;
    }
  }
  return null;
}

function propertyValue(declaration: Node, name: string): Node | null {
  if (declaration.type !== 'property_declaration') return null;
  const parts = namedChildren(declaration);
  const variable = parts.find((child) => child.type === 'variable_declaration');
  if (namedChildren(variable ?? declaration)[0]?.text !== name || !variable) return null;
  const index = parts.indexOf(variable);
  const value = parts.slice(index + 1).find((child) => child.type !== 'type_constraints' && child.type !== 'getter' && child.type !== 'setter');
  return value ?? null;
}

function isTopLevel(declaration: Node): boolean {
  return declaration.parent?.type === 'source_file';
}

function containerOf(node: Node): Node | null {
  for (let current = node.parent; current; current = current.parent) {
    if (CONTAINERS.includes(current.type)) return current;
    if (current.type === 'function_declaration') return null;
  }
  return null;
}
