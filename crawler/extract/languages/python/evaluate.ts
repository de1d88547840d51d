import type { Node } from '../../parser.ts';
import { cleandoc, dedent } from '../../text.ts';
import { inImportedModule, type BoundArgument, type ModuleScope } from './module-scope.ts';
import { callArguments, dottedName, enclosing, namedChildren, unwrap } from './nodes.ts';
import { contentText, stringPrefix } from './string-literal.ts';

/** The value of a Python expression as far as it can be known without running anything. */
export type PyValue =
  | { kind: 'str'; value: string; complete: boolean }
  | { kind: 'num'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'none' }
  | { kind: 'list'; items: PyValue[] }
  | { kind: 'dict'; entries: { key: PyValue; value: PyValue }[] }
  | { kind: 'unknown'; src: string };

/** Deepest chain of lookups one evaluation follows (constants defined from constants...). */
export const MAX_EVAL_DEPTH = 8;

export function unknown(node: Node): PyValue {
  return { kind: 'unknown', src: node.text.length > 200 ? `${node.text.slice(0, 200)}…` : node.text };
}

/** A string value, or a partial one with `{source}` where a part is unknown. */
export function asText(value: PyValue): { text: string; complete: boolean } | null {
  if (value.kind === 'str') return { text: value.value, complete: value.complete };
  if (value.kind === 'num') return { text: String(value.value), complete: true };
  if (value.kind === 'bool') return { text: value.value ? 'True' : 'False', complete: true };
  return null;
}

function placeholder(value: PyValue, node: Node): { text: string; complete: boolean } {
  return asText(value) ?? { text: `{${node.text}}`, complete: false };
}

/** Plain JSON for schemas and annotations; unknown parts are left out. */
export function toJson(value: PyValue): unknown {
  switch (value.kind) {
    case 'str': case 'num': case 'bool': return value.value;
    case 'none': return null;
    case 'list': return value.items.map(toJson).filter((item) => item !== undefined);
    case 'dict': {
      const object: Record<string, unknown> = {};
      for (const entry of value.entries) {
        const key = asText(entry.key);
        const json = toJson(entry.value);
        if (key && json !== undefined) object[key.text] = json;
      }
      return object;
    }
    default: return undefined;
  }
}

export function evaluate(node: Node, scope: ModuleScope, depth = 0): PyValue {
  if (depth > MAX_EVAL_DEPTH) return unknown(node);
  const current = unwrap(node);
  switch (current.type) {
    case 'string': return evaluateString(current, scope, depth);
    case 'concatenated_string': return concatenate(namedChildren(current).map((part) => [part, evaluate(part, scope, depth + 1)]));
    case 'integer': case 'float': {
      const value = Number(current.text.replace(/_/g, ''));
      return Number.isFinite(value) ? { kind: 'num', value } : unknown(current);
    }
    case 'true': return { kind: 'bool', value: true };
    case 'false': return { kind: 'bool', value: false };
    case 'none': return { kind: 'none' };
    case 'unary_operator': {
      const operand = current.childForFieldName('argument');
      const value = operand ? evaluate(operand, scope, depth + 1) : unknown(current);
      return value.kind === 'num' && current.text.startsWith('-') ? { kind: 'num', value: -value.value } : value.kind === 'num' ? value : unknown(current);
    }
    case 'list': case 'tuple': case 'set':
      return { kind: 'list', items: namedChildren(current).map((item) => evaluate(item, scope, depth + 1)) };
    case 'dictionary': return evaluateDictionary(current, scope, depth);
    case 'binary_operator': return evaluateBinary(current, scope, depth);
    case 'identifier': return evaluateIdentifier(current, scope, depth);
    case 'attribute': return evaluateAttribute(current, scope, depth);
    case 'call': return evaluateCall(current, scope, depth);
    default: return unknown(current);
  }
}

function evaluateString(node: Node, scope: ModuleScope, depth: number): PyValue {
  const prefix = stringPrefix(node);
  let text = '';
  let complete = true;
  for (const child of namedChildren(node)) {
    if (child.type === 'string_content') text += contentText(child, prefix);
    else if (child.type === 'interpolation') {
      const expression = child.childForFieldName('expression');
      const plain = !child.childForFieldName('format_specifier') && !child.childForFieldName('type_conversion');
      const part = expression && plain ? placeholder(evaluate(expression, scope, depth + 1), expression) : { text: `{${child.text.slice(1, -1)}}`, complete: false };
      text += part.text;
      complete &&= part.complete;
    }
  }
  return { kind: 'str', value: text, complete };
}

function concatenate(parts: [Node, PyValue][]): PyValue {
  let text = '';
  let complete = true;
  for (const [node, value] of parts) {
    const part = placeholder(value, node);
    text += part.text;
    complete &&= part.complete;
  }
  return { kind: 'str', value: text, complete };
}

function evaluateDictionary(node: Node, scope: ModuleScope, depth: number): PyValue {
  const entries: { key: PyValue; value: PyValue }[] = [];
  for (const pair of namedChildren(node)) {
    if (pair.type !== 'pair') continue;
    const key = pair.childForFieldName('key');
    const value = pair.childForFieldName('value');
    if (key && value) entries.push({ key: evaluate(key, scope, depth + 1), value: evaluate(value, scope, depth + 1) });
  }
  return { kind: 'dict', entries };
}

function evaluateBinary(node: Node, scope: ModuleScope, depth: number): PyValue {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  const operator = node.childForFieldName('operator')?.text;
  if (!left || !right || operator !== '+') return unknown(node);
  const a = evaluate(left, scope, depth + 1);
  const b = evaluate(right, scope, depth + 1);
  if (a.kind === 'num' && b.kind === 'num') return { kind: 'num', value: a.value + b.value };
  if (a.kind === 'list' && b.kind === 'list') return { kind: 'list', items: [...a.items, ...b.items] };
  if (a.kind === 'str' || b.kind === 'str') return concatenate([[left, a], [right, b]]);
  return unknown(node);
}

/**
 * The value node a name is bound to where it is used: the latest assignment before the use in
 * the enclosing functions, else the module-level assignment. Null for parameters and unknowns.
 */
export function bindingOf(identifier: Node, scope: ModuleScope): Node | null {
  const local = localBinding(identifier);
  if (local === 'parameter') return null;
  return local ?? scope.assignments.get(identifier.text) ?? null;
}

export function localBinding(identifier: Node): Node | 'parameter' | null {
  const name = identifier.text;
  for (let fn = enclosing(identifier, ['function_definition']); fn; fn = enclosing(fn, ['function_definition'])) {
    let latest: Node | null = null;
    for (const assignment of fn.descendantsOfType('assignment')) {
      if (!assignment || assignment.startIndex >= identifier.startIndex) continue;
      const left = assignment.childForFieldName('left');
      const right = assignment.childForFieldName('right');
      if (left?.type === 'identifier' && left.text === name && right) latest = right;
    }
    if (latest) return latest;
    const parameters = fn.childForFieldName('parameters');
    if (parameters && parameterNames(parameters).includes(name)) return 'parameter';
  }
  return null;
}

export function parameterNames(parameters: Node): string[] {
  return namedChildren(parameters).map((parameter) => {
    if (parameter.type === 'identifier') return parameter.text;
    const name = parameter.childForFieldName('name') ?? namedChildren(parameter).find((child) => child.type === 'identifier');
    return name?.text ?? '';
  });
}

/** The argument a wrapper's parameter takes at the call site being expanded, if any. */
export function boundParameter(identifier: Node, scope: ModuleScope): BoundArgument | null {
  const bindings = scope.parameters;
  if (!bindings || identifier.startIndex < bindings.fn.startIndex || identifier.endIndex > bindings.fn.endIndex) return null;
  if (identifier.type !== 'identifier' || localBinding(identifier) !== 'parameter') return null;
  return bindings.values.get(identifier.text) ?? null;
}

function evaluateIdentifier(node: Node, scope: ModuleScope, depth: number): PyValue {
  const unrolled = scope.loopValue;
  if (unrolled && unrolled.name === node.text && node.startIndex >= unrolled.loop.startIndex && node.endIndex <= unrolled.loop.endIndex) {
    return unrolled.value as PyValue;
  }
  const local = localBinding(node);
  if (local === 'parameter') {
    const bound = boundParameter(node, scope);
    return bound ? evaluate(bound.node, bound.scope, depth + 1) : unknown(node);
  }
  if (local) return local.startIndex <= node.startIndex && node.endIndex <= local.endIndex ? unknown(node) : evaluate(local, scope, depth + 1);
  return evaluateQualified(scope, [node.text], depth + 1) ?? unknown(node);
}

function evaluateAttribute(node: Node, scope: ModuleScope, depth: number): PyValue {
  const parts = dottedName(node);
  if (!parts) return unknown(node);
  if ((parts[0] === 'self' || parts[0] === 'cls') && parts.length >= 2) {
    const owner = enclosing(node, ['class_definition']);
    const value = owner ? classAttribute(owner, parts.slice(1), scope, depth + 1) ?? (parts.length === 2 ? instanceAttribute(owner, parts[1], scope, depth + 1) : null) : null;
    return value ?? unknown(node);
  }
  return evaluateQualified(scope, parts, depth + 1) ?? unknown(node);
}

/** Evaluates `Name`, `Class.ATTR`, `Enum.MEMBER(.value|.name)` or `module.NAME` at module level. */
export function evaluateQualified(scope: ModuleScope, parts: string[], depth: number): PyValue | null {
  if (depth > MAX_EVAL_DEPTH || parts.length === 0) return null;
  const [head, ...rest] = parts;
  if (rest.length === 0) {
    const bound = scope.assignments.get(head);
    if (bound) return evaluate(bound, scope, depth + 1);
  }
  const owner = scope.classes.get(head);
  if (owner && rest.length > 0) return classAttribute(owner, rest, scope, depth + 1);
  const binding = scope.imports.get(head);
  if (binding) {
    return inImportedModule(scope, binding, (other, symbol) =>
      evaluateQualified(other, symbol ? [symbol, ...rest] : rest, depth + 1),
    );
  }
  return null;
}

/** `Class.NAME` from the class body; `.value` of an Enum member is the member's value. */
function classAttribute(owner: Node, parts: string[], scope: ModuleScope, depth: number): PyValue | null {
  const [member, accessor] = parts;
  if (parts.length > 2 || (accessor && accessor !== 'value' && accessor !== 'name')) return null;
  if (accessor === 'name') return { kind: 'str', value: member, complete: true };
  const body = owner.childForFieldName('body');
  if (!body) return null;
  for (const statement of namedChildren(body)) {
    const assignment = statement.type === 'expression_statement' ? namedChildren(statement)[0] : null;
    if (assignment?.type !== 'assignment') continue;
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (left?.text === member && right) return evaluate(right, scope, depth + 1);
  }
  return null;
}

const STRING_METHODS: Record<string, (text: string) => string> = {
  strip: (text) => text.trim(),
  lstrip: (text) => text.trimStart(),
  rstrip: (text) => text.trimEnd(),
  lower: (text) => text.toLowerCase(),
  upper: (text) => text.toUpperCase(),
};

function evaluateCall(node: Node, scope: ModuleScope, depth: number): PyValue {
  const callee = node.childForFieldName('function');
  if (!callee) return unknown(node);
  const args = callArguments(node);
  const calleeName = dottedName(callee);
  const last = calleeName?.[calleeName.length - 1];
  const first = args.positional[0];
  if ((last === 'dedent' || last === 'cleandoc' || last === 'str') && first && args.positional.length === 1) {
    const value = evaluate(first, scope, depth + 1);
    if (value.kind !== 'str') return last === 'str' && value.kind !== 'unknown' ? placeholderValue(value, first) : unknown(node);
    if (last === 'str') return value;
    return { ...value, value: last === 'dedent' ? dedent(value.value) : cleandoc(value.value) };
  }
  if (callee.type !== 'attribute') return unknown(node);
  const object = callee.childForFieldName('object');
  const method = callee.childForFieldName('attribute')?.text ?? '';
  if (!object) return unknown(node);
  if (method in STRING_METHODS && args.positional.length === 0) {
    const value = evaluate(object, scope, depth + 1);
    return value.kind === 'str' ? { ...value, value: STRING_METHODS[method](value.value) } : unknown(node);
  }
  if (method === 'join' && first) {
    const separator = evaluate(object, scope, depth + 1);
    const items = evaluate(first, scope, depth + 1);
    if (separator.kind !== 'str' || items.kind !== 'list') return unknown(node);
    const texts = items.items.map((item) => asText(item));
    if (texts.some((text) => text === null)) return unknown(node);
    return { kind: 'str', value: texts.map((text) => text!.text).join(separator.value), complete: separator.complete && texts.every((text) => text!.complete) };
  }
  return unknown(node);
}

function placeholderValue(value: PyValue, node: Node): PyValue {
  const text = placeholder(value, node);
  return { kind: 'str', value: text.text, complete: text.complete };
}

/**
 * `self.name` set in `__init__`: directly (`self.name = "x"`), or from a parameter that the
 * class passes up with `super().__init__("x")` (the tool-handler classes of low-level servers),
 * or inherited from a base class of this module or an imported one.
 */
function instanceAttribute(owner: Node, attribute: string, scope: ModuleScope, depth: number): PyValue | null {
  if (depth > MAX_EVAL_DEPTH) return null;
  const init = methodOf(owner, '__init__');
  if (init) {
    for (const assignment of init.descendantsOfType('assignment')) {
      const left = assignment?.childForFieldName('left');
      const right = assignment?.childForFieldName('right');
      if (!right || left?.text !== `self.${attribute}`) continue;
      if (localBinding(right) !== 'parameter') return evaluate(right, scope, depth + 1);
    }
  }
  const superCall = init?.descendantsOfType('call').find((call) => /^super\(\s*\)\.__init__$/.test(call?.childForFieldName('function')?.text ?? ''));
  if (init && !superCall) return null;
  return inBaseClass(owner, scope, (base, baseScope) => {
    const baseInit = methodOf(base, '__init__');
    const parameters = baseInit?.childForFieldName('parameters');
    if (!baseInit || !parameters || !superCall) return classAttribute(base, [attribute], baseScope, depth + 1) ?? instanceAttribute(base, attribute, baseScope, depth + 1);
    for (const assignment of baseInit.descendantsOfType('assignment')) {
      const left = assignment?.childForFieldName('left');
      const right = assignment?.childForFieldName('right');
      if (!right || left?.text !== `self.${attribute}`) continue;
      if (right.type !== 'identifier' || localBinding(right) !== 'parameter') return evaluate(right, baseScope, depth + 1);
      const names = parameterNames(parameters).filter((name) => name !== 'self');
      const args = callArguments(superCall);
      const argument = args.keywords.get(right.text) ?? args.positional[names.indexOf(right.text)];
      return argument ? evaluate(argument, scope, depth + 1) : null;
    }
    return null;
  });
}

function methodOf(owner: Node, name: string): Node | null {
  const body = owner.childForFieldName('body');
  for (const statement of body ? namedChildren(body) : []) {
    const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (definition?.type === 'function_definition' && definition.childForFieldName('name')?.text === name) return definition;
  }
  return null;
}

/** Runs `use` on the first base class of `owner`, defined in this module or imported. */
function inBaseClass<T>(owner: Node, scope: ModuleScope, use: (base: Node, baseScope: ModuleScope) => T | null): T | null {
  const superclasses = owner.childForFieldName('superclasses');
  const first = superclasses ? namedChildren(superclasses)[0] : undefined;
  const parts = first ? dottedName(first) : null;
  if (!parts) return null;
  const local = parts.length === 1 ? scope.classes.get(parts[0]) : undefined;
  if (local) return local.equals(owner) ? null : use(local, scope);
  const binding = scope.imports.get(parts[0]);
  if (!binding) return null;
  return inImportedModule(scope, binding, (other, symbol) => {
    const name = symbol ?? parts[1];
    const base = name ? other.classes.get(name) : undefined;
    return base ? use(base, other) : null;
  });
}

/** Most values a loop may be unrolled over; beyond that the tools are a generated family. */
const MAX_UNROLLED = 100;

/**
 * The values a `for` loop or comprehension walks when they are written in the source: a
 * literal list/tuple/set (or a name bound to one), or `range(...)` with literal bounds.
 */
export function loopValues(iterable: Node, scope: ModuleScope): PyValue[] | null {
  const current = unwrap(iterable);
  if (current.type === 'call' && current.childForFieldName('function')?.text === 'range') {
    const bounds = callArguments(current).positional.map((argument) => evaluate(argument, scope));
    if (bounds.length === 0 || bounds.length > 3 || bounds.some((bound) => bound.kind !== 'num')) return null;
    const [a, b, step] = bounds.map((bound) => (bound as { value: number }).value);
    const [start, stop, by] = bounds.length === 1 ? [0, a, 1] : [a, b, step ?? 1];
    if (by === 0 || !Number.isInteger(start) || (stop - start) / by > MAX_UNROLLED) return null;
    const values: PyValue[] = [];
    for (let value = start; by > 0 ? value < stop : value > stop; value += by) values.push({ kind: 'num', value });
    return values;
  }
  const value = evaluate(current, scope);
  if (value.kind !== 'list' || value.items.length === 0 || value.items.length > MAX_UNROLLED) return null;
  return value.items.every((item) => item.kind === 'str' && item.complete) ? value.items : null;
}
