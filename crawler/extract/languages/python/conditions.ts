import type { Condition } from '../../../model/index.ts';
import type { Node } from '../../parser.ts';
import { bindingOf } from './evaluate.ts';
import { inImportedModule, type ModuleScope } from './module-scope.ts';

/** Reads of the process environment, directly or through the usual helpers. */
const READS_ENV = /os\.environ|\bgetenv\s*\(|\benviron\b|\bget_env\w*\s*\(|\benv_\w+\s*\(|\bdotenv\b/;

/** Guards that are always true when the server runs, so they condition nothing. */
const ALWAYS_TRUE = /^(__name__\s*==\s*['"]__main__['"]|['"]__main__['"]\s*==\s*__name__|TYPE_CHECKING|typing\.TYPE_CHECKING)$/;

/**
 * The `if` branches a registration sits in, outermost first: `env` when the test reads the
 * environment (itself or through a name assigned from it), `branch` otherwise.
 */
export function conditionsOf(node: Node, scope: ModuleScope): Condition[] {
  const conditions: Condition[] = [];
  let child = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    let expr: string | null = null;
    let test: Node | null = null;
    if (parent.type === 'if_statement' && parent.childForFieldName('consequence')?.equals(child)) {
      test = parent.childForFieldName('condition');
      expr = test?.text ?? null;
    } else if (parent.type === 'elif_clause' && parent.childForFieldName('consequence')?.equals(child)) {
      test = parent.childForFieldName('condition');
      expr = test?.text ?? null;
    } else if (parent.type === 'else_clause' && parent.parent?.type === 'if_statement') {
      test = parent.parent.childForFieldName('condition');
      expr = test ? `not (${test.text})` : null;
    }
    if (!expr || !test || ALWAYS_TRUE.test(test.text.trim())) continue;
    conditions.unshift({ kind: readsEnvironment(test, scope) ? 'env' : 'branch', expr });
  }
  return conditions;
}

function readsEnvironment(test: Node, scope: ModuleScope): boolean {
  if (READS_ENV.test(test.text)) return true;
  for (const identifier of [test, ...test.descendantsOfType('identifier')]) {
    if (!identifier || identifier.type !== 'identifier') continue;
    const bound = bindingOf(identifier, scope);
    if (bound && READS_ENV.test(bound.text)) return true;
    const binding = bound ? undefined : scope.imports.get(identifier.text);
    const imported = binding ? inImportedModule(scope, binding, (other, symbol) => (symbol ? other.assignments.get(symbol)?.text : null)) : null;
    if (imported && READS_ENV.test(imported)) return true;
  }
  return false;
}
