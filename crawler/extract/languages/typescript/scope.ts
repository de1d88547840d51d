import type { Node } from '../../parser.ts';
import type { Module, Program } from './program.ts';
import { decodeStringLiteral, isFunction, namedChildren } from './syntax.ts';

/** Where a name is bound, as far as a static reader can tell. */
export type Declaration =
  /** `const x = init` or `const { key: x } = init` (`path` is the property or index read). */
  | { kind: 'variable'; declarator: Node; init: Node | null; path: string[]; mod: Module; topLevel: boolean }
  | { kind: 'function'; node: Node; mod: Module }
  | { kind: 'enum'; node: Node; mod: Module }
  | { kind: 'import'; target: Module | null; imported: string; specifier: string; mod: Module }
  | { kind: 'parameter'; node: Node; mod: Module };

const SCOPES = new Set(['statement_block', 'program', 'switch_case', 'switch_default', 'class_body']);

/** The declaration a reference resolves to: enclosing blocks first, then the module's top level. */
export function findDeclaration(program: Program, name: string, ref: Node, mod: Module): Declaration | null {
  for (let node: Node | null = ref.parent; node; node = node.parent) {
    if (isFunction(node) && bindsParameter(node, name)) return { kind: 'parameter', node, mod };
    if (node.type === 'for_in_statement' && patternBinds(node.childForFieldName('left'), name)) return { kind: 'parameter', node, mod };
    if (node.type === 'catch_clause' && patternBinds(node.childForFieldName('parameter'), name)) return { kind: 'parameter', node, mod };
    if (SCOPES.has(node.type)) {
      const found = declarationIn(program, node, name, mod);
      if (found) return found;
    }
  }
  return null;
}

/** What a module exports under `name` (`default` for the default export). */
export function findExport(program: Program, mod: Module, name: string, seen = new Set<string>()): Declaration | null {
  const key = `${mod.path}#${name}`;
  if (seen.has(key)) return null;
  seen.add(key);
  const starSources: Node[] = [];
  for (const statement of namedChildren(mod.root)) {
    if (statement.type !== 'export_statement') continue;
    const isDefault = statement.children.some((child) => child?.type === 'default');
    const declaration = statement.childForFieldName('declaration');
    const value = statement.childForFieldName('value');
    const source = statement.childForFieldName('source');
    if (isDefault && name === 'default') {
      if (value) return { kind: 'variable', declarator: statement, init: value, path: [], mod, topLevel: true };
      if (declaration) return declarationOf(program, declaration, null, mod);
    }
    if (declaration && !isDefault) {
      const found = declarationOf(program, declaration, name, mod);
      if (found) return found;
    }
    const clause = namedChildren(statement).find((child) => child.type === 'export_clause');
    if (clause) {
      for (const specifier of namedChildren(clause)) {
        const local = specifier.childForFieldName('name')?.text;
        const exported = specifier.childForFieldName('alias')?.text ?? local;
        if (!local || exported !== name) continue;
        if (!source) return declarationIn(program, mod.root, local, mod);
        const target = program.importModule(mod, decodeStringLiteral(source));
        return target ? findExport(program, target, local, seen) : null;
      }
    } else if (source && !declaration) {
      starSources.push(source);
    }
  }
  for (const source of starSources) {
    const target = program.importModule(mod, decodeStringLiteral(source));
    const found = target ? findExport(program, target, name, seen) : null;
    if (found) return found;
  }
  return null;
}

function declarationIn(program: Program, scope: Node, name: string, mod: Module): Declaration | null {
  for (const statement of namedChildren(scope)) {
    if (statement.type === 'import_statement') {
      const found = importBinding(program, statement, name, mod);
      if (found) return found;
      continue;
    }
    const inner = statement.type === 'export_statement' ? statement.childForFieldName('declaration') : statement;
    if (!inner) continue;
    const found = declarationOf(program, inner, name, mod);
    if (found) return found;
  }
  return null;
}

/** The binding of `name` made by one declaration statement; a null name takes its only binding. */
function declarationOf(program: Program, node: Node, name: string | null, mod: Module): Declaration | null {
  const topLevel = node.parent?.type === 'program' || node.parent?.parent?.type === 'program';
  if (node.type === 'lexical_declaration' || node.type === 'variable_declaration') {
    for (const declarator of namedChildren(node)) {
      if (declarator.type !== 'variable_declarator') continue;
      const pattern = declarator.childForFieldName('name');
      const init = declarator.childForFieldName('value');
      if (!pattern) continue;
      if (pattern.type === 'identifier' && (name === null || pattern.text === name)) {
        return { kind: 'variable', declarator, init, path: [], mod, topLevel };
      }
      const path = name === null ? null : pathInPattern(pattern, name);
      if (path) return { kind: 'variable', declarator, init, path, mod, topLevel };
    }
    return null;
  }
  const declared = node.childForFieldName('name')?.text;
  if (name !== null && declared !== name) return null;
  if (node.type === 'function_declaration' || node.type === 'generator_function_declaration') return { kind: 'function', node, mod };
  if (node.type === 'enum_declaration') return { kind: 'enum', node, mod };
  if (node.type === 'class_declaration') return { kind: 'parameter', node, mod };
  return null;
}

function importBinding(program: Program, statement: Node, name: string, mod: Module): Declaration | null {
  const source = statement.childForFieldName('source');
  const clause = namedChildren(statement).find((child) => child.type === 'import_clause');
  if (!source || !clause) return null;
  const specifier = decodeStringLiteral(source);
  const bind = (imported: string): Declaration => ({ kind: 'import', target: program.importModule(mod, specifier), imported, specifier, mod });
  for (const part of namedChildren(clause)) {
    if (part.type === 'identifier' && part.text === name) return bind('default');
    if (part.type === 'namespace_import' && namedChildren(part).some((child) => child.text === name)) return bind('*');
    if (part.type !== 'named_imports') continue;
    for (const specifierNode of namedChildren(part)) {
      const imported = specifierNode.childForFieldName('name')?.text;
      const local = specifierNode.childForFieldName('alias')?.text ?? imported;
      if (imported && local === name) return bind(imported);
    }
  }
  return null;
}

export function bindsParameter(fn: Node, name: string): boolean {
  const single = fn.childForFieldName('parameter');
  if (single) return single.text === name;
  const params = fn.childForFieldName('parameters');
  return params ? namedChildren(params).some((param) => patternBinds(param, name)) : false;
}

/** True when a binding pattern (parameter, destructuring) introduces `name`. */
export function patternBinds(pattern: Node | null, name: string): boolean {
  if (!pattern) return false;
  if (pattern.type === 'identifier' || pattern.type === 'shorthand_property_identifier_pattern') return pattern.text === name;
  if (pattern.type === 'required_parameter' || pattern.type === 'optional_parameter') return patternBinds(pattern.childForFieldName('pattern'), name);
  if (pattern.type === 'assignment_pattern') return patternBinds(pattern.childForFieldName('left'), name);
  if (pattern.type === 'pair_pattern') return patternBinds(pattern.childForFieldName('value'), name);
  if (pattern.type === 'object_pattern' || pattern.type === 'array_pattern' || pattern.type === 'rest_pattern') {
    return namedChildren(pattern).some((child) => patternBinds(child, name));
  }
  return false;
}

/** The property path to `name` inside a destructuring pattern (`{ a: { b } }` gives a, b). */
function pathInPattern(pattern: Node, name: string): string[] | null {
  if (pattern.type === 'identifier') return pattern.text === name ? [] : null;
  if (pattern.type === 'shorthand_property_identifier_pattern') return pattern.text === name ? [name] : null;
  if (pattern.type === 'assignment_pattern') return pathInPattern(pattern.childForFieldName('left')!, name);
  if (pattern.type === 'object_pattern') {
    for (const child of namedChildren(pattern)) {
      if (child.type === 'pair_pattern') {
        const key = child.childForFieldName('key')?.text ?? '';
        const inner = pathInPattern(child.childForFieldName('value')!, name);
        if (inner) return [key, ...inner];
      } else {
        const inner = pathInPattern(child, name);
        if (inner) return inner;
      }
    }
  }
  if (pattern.type === 'array_pattern') {
    const elements = namedChildren(pattern);
    for (let index = 0; index < elements.length; index++) {
      const inner = pathInPattern(elements[index], name);
      if (inner) return [String(index), ...inner];
    }
  }
  return null;
}
