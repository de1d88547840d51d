import type { Condition } from '../../../model/index.ts';
import type { Node } from '../../parser.ts';
import type { Module, Program } from './program.ts';
import { findDeclaration } from './scope.ts';

/**
 * The `if` conditions (and `?:`, `&&`, `||` guards) that enclose `node`, innermost last, up to `stop` (exclusive) or the top of
 * the file. An `else` branch gives the negated condition.
 */
export function conditionsBetween(node: Node, stop: Node | null, mod: Module, program: Program): Condition[] {
  const found: Condition[] = [];
  let child = node;
  for (let parent = node.parent; parent && !(stop && parent.equals(stop)); child = parent, parent = parent.parent) {
    const guard = expressionGuard(parent, child);
    if (guard) {
      found.unshift({ kind: conditionKind(guard.test, mod, program), expr: guard.negated ? `!(${stripParens(guard.test.text)})` : stripParens(guard.test.text) });
      continue;
    }
    if (parent.type !== 'if_statement') continue;
    const test = parent.childForFieldName('condition');
    if (!test || test.equals(child)) continue;
    const text = stripParens(test.text);
    const inElse = parent.childForFieldName('alternative')?.equals(child) ?? false;
    found.unshift({ kind: conditionKind(test, mod, program), expr: inElse ? `!(${text})` : text });
  }
  return found;
}

/** `flag ? register() : other()` and `flag && register()`: the test that guards `child`. */
function expressionGuard(parent: Node, child: Node): { test: Node; negated: boolean } | null {
  if (parent.type === 'ternary_expression') {
    const test = parent.childForFieldName('condition');
    if (!test || test.equals(child)) return null;
    return { test, negated: parent.childForFieldName('alternative')?.equals(child) ?? false };
  }
  if (parent.type !== 'binary_expression') return null;
  const operator = parent.childForFieldName('operator')?.text;
  const left = parent.childForFieldName('left');
  if (!left || left.equals(child) || (operator !== '&&' && operator !== '||')) return null;
  return { test: left, negated: operator === '||' };
}

/**
 * What a condition tests, looking one step into the local constants it names
 * (`const clientSupportsRoots = capabilities.roots !== undefined`).
 */
function conditionKind(test: Node, mod: Module, program: Program): Condition['kind'] {
  const texts = [test.text];
  for (const identifier of [test, ...test.descendantsOfType('identifier').filter((n): n is Node => n !== null)]) {
    if (identifier.type !== 'identifier') continue;
    const declaration = findDeclaration(program, identifier.text, identifier, mod);
    if (declaration?.kind === 'variable' && declaration.init) texts.push(declaration.init.text);
  }
  const all = texts.join('\n');
  if (/process\.env|import\.meta\.env|Deno\.env/.test(all)) return 'env';
  if (/capabilit/i.test(all)) return 'client-capability';
  if (/\bargv\b|process\.argv|\bflags?\b|\bcli\b|commander|yargs/i.test(all)) return 'cli-flag';
  if (/\bauth|token|scope|permission/i.test(all)) return 'auth';
  return 'branch';
}

function stripParens(text: string): string {
  const trimmed = text.trim();
  return trimmed.startsWith('(') && trimmed.endsWith(')') ? trimmed.slice(1, -1).trim() : trimmed;
}

