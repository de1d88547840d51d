import type { ExtractContext } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { readImports, type Imports } from './imports.ts';
import { stringLiteralValue } from './literals.ts';
import { TYPE_DECLARATIONS, descendantsOfType, enclosingType, hasModifier, namedChildren } from './syntax.ts';

/** A string worked out statically; `complete` is false when parts stayed as `${source}`. */
export interface Value {
  text: string;
  complete: boolean;
}

/** Constants are looked up across files at most this deep (a constant defined by a constant...). */
const MAX_DEPTH = 6;

/** Evaluates Java expressions that build strings, without running anything. */
export interface JavaEvaluator {
  evaluate(node: Node | null | undefined): Value | null;
  /** The initializer of the local variable or constant of this file a name refers to, or null. */
  definition(node: Node): Node | null;
}

interface FileScope {
  path: string;
  root: Node;
  imports: Imports;
  context: ExtractContext | null;
  depth: number;
}

export function javaEvaluator(path: string, root: Node, imports: Imports, context: ExtractContext | null, depth = 0): JavaEvaluator {
  const scope: FileScope = { path, root, imports, context, depth };
  return { evaluate: (node) => (node ? evaluate(node, scope, 0) : null), definition: (node) => definition(node, scope) };
}

function definition(node: Node, scope: FileScope): Node | null {
  if (node.type === 'identifier') {
    const local = localVariable(node, node.text);
    if (local) return local;
    const owner = enclosingType(node);
    for (const type of owner ? [owner, ...typesOf(scope.root)] : typesOf(scope.root)) {
      const value = constantIn(type, node.text);
      if (value) return value;
    }
    return null;
  }
  if (node.type !== 'field_access') return null;
  const field = node.childForFieldName('field')?.text;
  const object = node.childForFieldName('object')?.text;
  const type = typesOf(scope.root).find((candidate) => candidate.childForFieldName('name')?.text === object);
  return type && field ? constantIn(type, field) : null;
}

function evaluate(node: Node, scope: FileScope, steps: number): Value | null {
  if (steps > 40) return null;
  switch (node.type) {
    case 'string_literal':
      return { text: stringLiteralValue(node.text), complete: true };
    case 'character_literal':
      return { text: stringLiteralValue(`"${node.text.slice(1, -1)}"`), complete: true };
    case 'decimal_integer_literal':
    case 'decimal_floating_point_literal':
    case 'true':
    case 'false':
      return { text: node.text, complete: true };
    case 'parenthesized_expression':
      return evaluate(namedChildren(node)[0] ?? node, scope, steps + 1);
    case 'binary_expression':
      return concatenation(node, scope, steps);
    case 'identifier':
      return identifier(node, scope, steps);
    case 'field_access':
      return fieldAccess(node, scope, steps);
    case 'method_invocation':
      return invocation(node, scope, steps);
    default:
      return null;
  }
}

function concatenation(node: Node, scope: FileScope, steps: number): Value | null {
  if (node.childForFieldName('operator')?.text !== '+') return null;
  const parts = [node.childForFieldName('left'), node.childForFieldName('right')].map((part) => {
    if (!part) return { text: '', complete: false };
    return evaluate(part, scope, steps + 1) ?? { text: `\${${part.text}}`, complete: false };
  });
  return { text: parts.map((part) => part.text).join(''), complete: parts.every((part) => part.complete) };
}

/** `s.strip()`, `"..".formatted(x)`, `String.format("..", x)`: the literal part is kept. */
function invocation(node: Node, scope: FileScope, steps: number): Value | null {
  const name = node.childForFieldName('name')?.text;
  const object = node.childForFieldName('object');
  const args = namedChildren(node.childForFieldName('arguments') ?? node).filter((arg) => arg !== node);
  if (name === 'format' && object?.text === 'String') {
    const format = args[0] ? evaluate(args[0], scope, steps + 1) : null;
    return format && { text: format.text, complete: args.length === 1 && format.complete };
  }
  if (!object) return null;
  const base = evaluate(object, scope, steps + 1);
  if (!base) return null;
  if (name === 'strip' || name === 'trim') return { ...base, text: base.text.trim() };
  if (name === 'stripIndent' || name === 'toString' || name === 'intern') return base;
  if (name === 'formatted') return { text: base.text, complete: base.complete && args.length === 0 };
  return null;
}

function identifier(node: Node, scope: FileScope, steps: number): Value | null {
  const name = node.text;
  const local = localVariable(node, name);
  if (local) return evaluate(local, scope, steps + 1);
  const owner = enclosingType(node);
  for (const type of owner ? [owner, ...typesOf(scope.root)] : typesOf(scope.root)) {
    const value = constantIn(type, name);
    if (value) return evaluate(value, scope, steps + 1);
  }
  const importedFrom = scope.imports.statics.get(name);
  if (importedFrom) return constantElsewhere(importedFrom, name, scope);
  for (const owner of scope.imports.staticWildcards) {
    const value = constantElsewhere(owner, name, scope);
    if (value) return value;
  }
  return null;
}

function fieldAccess(node: Node, scope: FileScope, steps: number): Value | null {
  const field = node.childForFieldName('field')?.text;
  const object = node.childForFieldName('object')?.text;
  if (!field || !object) return null;
  const className = object.slice(object.lastIndexOf('.') + 1);
  const type = typesOf(scope.root).find((candidate) => candidate.childForFieldName('name')?.text === className);
  if (type) {
    const value = constantIn(type, field);
    return value ? evaluate(value, scope, steps + 1) : null;
  }
  const qualified = object.includes('.') ? object : scope.imports.types.get(object) ?? object;
  return constantElsewhere(qualified, field, scope);
}

function typesOf(root: Node): Node[] {
  return descendantsOfType(root, TYPE_DECLARATIONS);
}

/** The initializer of a `static final` field (or interface constant) named `name` declared directly in `type`. */
function constantIn(type: Node, name: string): Node | null {
  const body = type.childForFieldName('body');
  if (!body) return null;
  const isInterface = type.type === 'interface_declaration' || type.type === 'annotation_type_declaration';
  for (const member of namedChildren(body)) {
    const isConstant =
      member.type === 'constant_declaration' ||
      (member.type === 'field_declaration' && (isInterface || (hasModifier(member, 'static') && hasModifier(member, 'final'))));
    if (!isConstant) continue;
    for (const declarator of namedChildren(member)) {
      if (declarator.type !== 'variable_declarator') continue;
      if (declarator.childForFieldName('name')?.text === name) return declarator.childForFieldName('value');
    }
  }
  return null;
}

/** A `String x = ...` declared earlier in an enclosing block (final or effectively final). */
function localVariable(node: Node, name: string): Node | null {
  for (let block = node.parent; block; block = block.parent) {
    if (TYPE_DECLARATIONS.includes(block.type)) return null;
    if (block.type !== 'block' && block.type !== 'constructor_body') continue;
    for (const statement of namedChildren(block)) {
      if (statement.startIndex >= node.startIndex) break;
      if (statement.type !== 'local_variable_declaration') continue;
      for (const declarator of namedChildren(statement)) {
        if (declarator.type === 'variable_declarator' && declarator.childForFieldName('name')?.text === name) {
          return declarator.childForFieldName('value');
        }
      }
    }
  }
  return null;
}

/** A constant of another class of the repository, found by its file name (`a/b/C.java`). */
function constantElsewhere(qualifiedClass: string, name: string, scope: FileScope): Value | null {
  if (!scope.context || scope.depth >= MAX_DEPTH) return null;
  const path = classFile(scope, qualifiedClass);
  if (!path || path === scope.path) return null;
  const context = scope.context;
  const className = qualifiedClass.slice(qualifiedClass.lastIndexOf('.') + 1);
  return context.parseFile(path, (root) => {
    const type = typesOf(root).find((candidate) => candidate.childForFieldName('name')?.text === className);
    const value = type ? constantIn(type, name) : null;
    if (!value) return null;
    return evaluate(value, { path, root, imports: readImports(root), context, depth: scope.depth + 1 }, 0);
  });
}

/** The file declaring a class: its package path when qualified, else the same folder, else any. */
function classFile(scope: FileScope, qualifiedClass: string): string | null {
  const paths = scope.context?.tree.paths() ?? [];
  const suffix = `${qualifiedClass.replace(/\./g, '/')}.java`;
  const sameDir = `${scope.path.slice(0, scope.path.lastIndexOf('/') + 1)}${suffix}`;
  if (paths.includes(sameDir)) return sameDir;
  return paths.find((path) => path === suffix || path.endsWith(`/${suffix}`)) ?? null;
}
