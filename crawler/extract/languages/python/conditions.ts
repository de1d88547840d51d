import type { Condition } from '../../../model/index.ts';
import type { Node } from '../../parser.ts';
import { bindingOf } from './evaluate.ts';
import { inImportedModule, type ModuleScope } from './module-scope.ts';
import { enclosing, namedChildren } from './nodes.ts';

/** Reads of the process environment, directly or through the usual helpers. */
const READS_ENV = /os\.environ|\bgetenv\s*\(|\benviron\b|\bget_env\w*\s*\(|\benv_\w+\s*\(|\bdotenv\b/;

/** Reads of the command line: argparse results, `sys.argv`, click/typer options. */
const READS_CLI = /\bparse_(known_)?args\s*\(|\bsys\.argv\b|\b(click|typer)\.(option|argument|Option|Argument)\s*\(/;

/** Guards that are always true when the server runs, so they condition nothing. */
const ALWAYS_TRUE = /^(__name__\s*==\s*['"]__main__['"]|['"]__main__['"]\s*==\s*__name__|TYPE_CHECKING|typing\.TYPE_CHECKING)$/;

/**
 * The `if` branches a registration sits in, outermost first: `env` when the test reads the
 * environment (itself or through a name assigned from it), `cli-flag` when it reads the command
 * line, `branch` otherwise.
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
    } else if (parent.type === 'except_clause') {
      // `except ImportError:` fallbacks hold only when the `try` body failed.
      const caught = namedChildren(parent).find((part) => part.type !== 'block' && part.type !== 'comment');
      conditions.unshift({ kind: 'branch', expr: `except ${caught?.text ?? ''}`.trim() });
      continue;
    } else if (parent.type === 'else_clause' && parent.parent?.type === 'if_statement') {
      test = parent.parent.childForFieldName('condition');
      expr = test ? `not (${test.text})` : null;
    }
    if (!expr || !test || ALWAYS_TRUE.test(test.text.trim())) continue;
    conditions.unshift({ kind: conditionKind(test, scope), expr });
  }
  return conditions;
}

export function conditionKind(test: Node, scope: ModuleScope): Condition['kind'] {
  const sources = sourcesOf(test, scope);
  if (sources.some((text) => READS_ENV.test(text))) return 'env';
  if (sources.some((text) => READS_CLI.test(text))) return 'cli-flag';
  return 'branch';
}

/**
 * The texts a test depends on: itself, the values its names are assigned from (here or in the
 * module they are imported from), and the decorators of the function whose parameters it reads.
 */
function sourcesOf(test: Node, scope: ModuleScope): string[] {
  const sources = [test.text];
  for (const identifier of [test, ...test.descendantsOfType('identifier')]) {
    if (!identifier || identifier.type !== 'identifier') continue;
    const bound = bindingOf(identifier, scope);
    if (bound) {
      sources.push(bound.text);
      continue;
    }
    const parameterOf = parameterOwner(identifier);
    if (parameterOf) {
      sources.push(...namedChildren(parameterOf.parent?.type === 'decorated_definition' ? parameterOf.parent : parameterOf).filter((child) => child.type === 'decorator').map((decorator) => decorator.text));
      continue;
    }
    const binding = scope.imports.get(identifier.text);
    const imported = binding ? inImportedModule(scope, binding, (other, symbol) => (symbol ? other.assignments.get(symbol)?.text : null)) : null;
    if (imported) sources.push(imported);
  }
  return sources;
}

/** The function of which `identifier` is a parameter, if it is one. */
function parameterOwner(identifier: Node): Node | null {
  for (let fn = enclosing(identifier, ['function_definition']); fn; fn = enclosing(fn, ['function_definition'])) {
    const parameters = fn.childForFieldName('parameters');
    if (parameters?.descendantsOfType('identifier').some((name) => name?.text === identifier.text)) return fn;
  }
  return null;
}
