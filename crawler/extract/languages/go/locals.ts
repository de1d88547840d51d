import type { Node } from '../../parser.ts';
import { enclosingFunction } from './call-sites.ts';
import type { GoPackage } from './package-index.ts';
import { freeze } from './syntax.ts';

/**
 * The package as seen from `node`: plus the local variables of its function that the tool uses and
 * that are assigned once, before it (`name := defaults.ToolsetName() + "_get_logs"`).
 */
export function withLocals(pkg: GoPackage, node: Node): GoPackage {
  const fn = enclosingFunction(node);
  if (!fn) return pkg;
  const used = new Set(node.descendantsOfType('identifier').map((n) => n?.text ?? ''));
  const assignments = new Map<string, number>();
  const values = new Map<string, Node>();
  for (const statement of fn.descendantsOfType(['short_var_declaration', 'assignment_statement'])) {
    if (!statement) continue;
    const left = statement.childForFieldName('left')?.namedChildren ?? [];
    const right = statement.childForFieldName('right')?.namedChildren ?? [];
    left.forEach((identifier, i) => {
      if (identifier?.type !== 'identifier' || !used.has(identifier.text)) return;
      assignments.set(identifier.text, (assignments.get(identifier.text) ?? 0) + 1);
      const value = right[i];
      const direct = statement.type === 'short_var_declaration' && left.length === right.length;
      if (value && direct && statement.endIndex <= node.startIndex && !inNestedFunction(statement, fn)) values.set(identifier.text, value);
    });
  }
  const locals = [...values].filter(([name]) => assignments.get(name) === 1);
  if (locals.length === 0) return pkg;
  const constants = new Map(pkg.constants);
  for (const [name, value] of locals) constants.set(name, freeze(value));
  return { ...pkg, constants };
}

function inNestedFunction(node: Node, fn: Node): boolean {
  for (let current = node.parent; current && current.id !== fn.id; current = current.parent) {
    if (current.type === 'func_literal') return true;
  }
  return false;
}
