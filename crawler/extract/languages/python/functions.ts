import type { Node } from '../../parser.ts';
import type { ModuleScope } from './module-scope.ts';
import { dottedName, enclosing, namedChildren, unwrap } from './nodes.ts';

/**
 * The `def` a function reference names: a nested def of the enclosing function, a module-level
 * def, or `self.method` of the enclosing class. Null for anything else (imports, attributes).
 */
export function functionDefinition(reference: Node, scope: ModuleScope): Node | null {
  const parts = dottedName(reference);
  if (!parts) return null;
  if (parts.length === 1) {
    for (let fn = enclosing(reference, ['function_definition']); fn; fn = enclosing(fn, ['function_definition'])) {
      const nested = fn.descendantsOfType('function_definition').find((def) => def?.childForFieldName('name')?.text === parts[0]);
      if (nested) return nested;
    }
    return scope.functions.get(parts[0]) ?? null;
  }
  if (parts.length === 2 && (parts[0] === 'self' || parts[0] === 'cls')) {
    const owner = enclosing(reference, ['class_definition']);
    const body = owner?.childForFieldName('body');
    for (const statement of body ? namedChildren(body) : []) {
      const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      if (definition?.type === 'function_definition' && definition.childForFieldName('name')?.text === parts[1]) return definition;
    }
  }
  return null;
}

/** True when the expression's leading name is the variable of an enclosing `for` loop or comprehension. */
export function isLoopVariable(expression: Node): boolean {
  const head = dottedName(unwrap(expression))?.[0] ?? (unwrap(expression).type === 'subscript' ? dottedName(unwrap(expression).childForFieldName('value')!)?.[0] : undefined);
  if (!head) return false;
  for (let loop = enclosing(expression, ['for_statement', 'for_in_clause']); loop; loop = enclosing(loop, ['for_statement', 'for_in_clause'])) {
    const left = loop.childForFieldName('left');
    if (left && (left.text === head || left.descendantsOfType('identifier').some((id) => id?.text === head))) return true;
  }
  const comprehension = enclosing(expression, ['list_comprehension', 'generator_expression', 'set_comprehension', 'dictionary_comprehension']);
  return comprehension?.descendantsOfType('for_in_clause').some((clause) => clause?.childForFieldName('left')?.text === head) ?? false;
}
