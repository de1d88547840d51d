import type { Node } from '../../parser.ts';
import { HINTS, type HintOrigin } from '../../../model/index.ts';
import { MAX_EVAL_DEPTH, asText, bindingOf, evaluate, toJson } from './evaluate.ts';
import type { ModuleScope } from './module-scope.ts';
import { callArguments, dottedName, namedChildren, unwrap } from './nodes.ts';

/** mcp 2.x models take snake_case spellings as well as the protocol's camelCase. */
const CAMEL_CASE: Record<string, string> = {
  read_only_hint: 'readOnlyHint', destructive_hint: 'destructiveHint', idempotent_hint: 'idempotentHint', open_world_hint: 'openWorldHint',
};

export interface DeclaredAnnotations {
  annotations: Record<string, unknown> | null;
  origin: Record<string, HintOrigin>;
}

export function absentAnnotations(): DeclaredAnnotations {
  return { annotations: null, origin: Object.fromEntries(HINTS.map((hint) => [hint, 'absent' as HintOrigin])) };
}

/** The annotations a tool declares (`ToolAnnotations(...)` or a dict), as written, hint by hint. */
export function readAnnotations(node: Node | undefined, scope: ModuleScope, depth = 0): DeclaredAnnotations {
  const result = absentAnnotations();
  if (!node || depth > MAX_EVAL_DEPTH) return result;
  const current = unwrap(node);
  const entries: [string, Node][] = [];
  if (current.type === 'call') {
    const callee = current.childForFieldName('function');
    if (callee && dottedName(callee)?.pop() !== 'ToolAnnotations') return result;
    for (const [key, value] of callArguments(current).keywords) entries.push([key, value]);
  } else if (current.type === 'dictionary') {
    for (const pair of namedChildren(current)) {
      const key = pair.type === 'pair' ? pair.childForFieldName('key') : null;
      const value = pair.childForFieldName('value');
      const keyText = key ? asText(evaluate(key, scope, depth + 1)) : null;
      if (keyText && value) entries.push([keyText.text, value]);
    }
  } else if (current.type === 'identifier') {
    const bound = bindingOf(current, scope);
    return bound && bound !== current ? readAnnotations(bound, scope, depth + 1) : result;
  } else {
    return result;
  }
  const annotations: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    const name = CAMEL_CASE[key] ?? key;
    const json = toJson(evaluate(value, scope, depth + 1));
    annotations[name] = json === undefined ? value.text : json;
    if (name in result.origin) result.origin[name] = 'explicit';
  }
  result.annotations = annotations;
  return result;
}
