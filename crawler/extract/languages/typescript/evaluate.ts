import type { Condition } from '../../../model/index.ts';
import type { Node } from '../../parser.ts';
import { dedent } from '../../text.ts';
import { conditionsBetween } from './conditions.ts';
import type { Module, Program } from './program.ts';
import { findDeclaration, findExport, type Declaration } from './scope.ts';
import {
  callArguments, decodeEscape, decodeStringLiteral, isFunction, lineOf, memberName, namedChildren, pairKey, unwrap,
} from './syntax.ts';
import { EMPTY_ENV, asTemplatePart, isText, unknown, type Entry, type Env, type Item, type Value } from './values.ts';

/** Declarations followed in a row (imports, calls, constants) before giving up; cycles stop earlier. */
const MAX_HOPS = 10;
/** Syntactic nesting beyond this is hostile or generated; its value is unknown. */
const MAX_NESTING = 150;
/** Evaluation steps per extraction, so that a pathological file cannot stall the crawl. */
const MAX_STEPS = 200_000;

/**
 * A partial evaluator over the syntax tree: computes what it can (strings, objects, arrays, calls of
 * local factory functions) and keeps source text for the rest. Never runs crawled code.
 */
export class Evaluator {
  private hops = 0;
  private nesting = 0;
  private steps = 0;
  private readonly inProgress = new Set<string>();

  constructor(readonly program: Program) {}

  evaluate(node: Node, mod: Module, env: Env = EMPTY_ENV): Value {
    if (++this.steps > MAX_STEPS || this.nesting >= MAX_NESTING) return unknown(node, mod, env);
    this.nesting++;
    try {
      return this.evaluateNode(unwrap(node), mod, env);
    } finally {
      this.nesting--;
    }
  }

  /** `value.prop`, with the origin of the property kept on text values. */
  member(value: Value, prop: string, src: string): Value {
    if (value.kind === 'obj') {
      const entry = value.entries.get(prop);
      if (!entry) return { kind: 'unknown', src };
      const result = this.entryValue(entry);
      // A name read from a tool object (`tool.method`) is reported where that object declares it;
      // a name read from a table of constants (`ToolName.ECHO`) is not.
      const traced = (result.kind === 'str' || result.kind === 'partial' || result.kind === 'unknown') && !result.origin && looksLikeTool(value);
      return traced ? { ...result, origin: { file: entry.mod.path, line: entry.line } } : result;
    }
    if (value.kind === 'ns') return this.declarationValue(findExport(this.program, value.mod, prop), prop);
    if (value.kind === 'arr') {
      if (prop === 'length') return { kind: 'num', value: value.items.length };
      const item = /^\d+$/.test(prop) ? value.items[Number(prop)] : undefined;
      return item ? item.value : { kind: 'unknown', src };
    }
    if (value.kind === 'unknown' && prop === 'shape' && value.node && value.mod) {
      const shape = this.zodObjectShape(value.node, value.mod, value.env ?? EMPTY_ENV);
      if (shape) return shape;
    }
    return { kind: 'unknown', src };
  }

  entryValue(entry: Entry): Value {
    if (entry.value) return entry.value;
    if (!entry.node) return { kind: 'unknown', src: '' };
    entry.value = this.evaluate(entry.node, entry.mod, entry.env);
    return entry.value;
  }

  /** Calls a function value with arguments: parameters are bound, the returned expression evaluated. */
  callFunction(fn: Extract<Value, { kind: 'fn' }>, args: Value[], src: string): Value {
    const result = this.returnValue(fn, args, src);
    // What a call gives that cannot be computed reads as the call, not as the callee's internals;
    // the node stays for schema builders (a factory returning `z.object(...)`).
    return result.kind === 'unknown' ? { ...result, src } : result;
  }

  private returnValue(fn: Extract<Value, { kind: 'fn' }>, args: Value[], src: string): Value {
    if (this.hops >= MAX_HOPS) return { kind: 'unknown', src };
    this.hops++;
    try {
      const env = new Map(fn.env);
      const single = fn.node.childForFieldName('parameter');
      const params = single ? [single] : namedChildren(fn.node.childForFieldName('parameters') ?? fn.node).filter((p) => p.type !== 'statement_block');
      params.forEach((param, index) => this.bind(param, args[index] ?? { kind: 'unknown', src: param.text, param: true }, env, fn.mod));
      const body = fn.node.childForFieldName('body');
      if (!body) return { kind: 'unknown', src };
      if (body.type !== 'statement_block') return this.evaluate(body, fn.mod, env);
      let last: Value = { kind: 'unknown', src };
      for (const ret of returnStatements(body)) {
        const expression = namedChildren(ret)[0];
        if (!expression) continue;
        last = this.evaluate(expression, fn.mod, env);
        if (last.kind !== 'unknown') return last;
      }
      return last;
    } finally {
      this.hops--;
    }
  }

  /** Binds a parameter or destructuring pattern to a value. */
  bind(pattern: Node, value: Value, env: Map<string, Value>, mod: Module): void {
    switch (pattern.type) {
      case 'identifier':
      case 'shorthand_property_identifier_pattern':
        env.set(pattern.text, value);
        return;
      case 'required_parameter':
      case 'optional_parameter': {
        const inner = pattern.childForFieldName('pattern');
        if (inner) this.bind(inner, value, env, mod);
        return;
      }
      case 'assignment_pattern': {
        const left = pattern.childForFieldName('left');
        const right = pattern.childForFieldName('right');
        const usable = value.kind === 'unknown' && right ? this.evaluate(right, mod, env) : value;
        if (left) this.bind(left, usable, env, mod);
        return;
      }
      case 'object_pattern':
        for (const child of namedChildren(pattern)) {
          if (child.type === 'shorthand_property_identifier_pattern') env.set(child.text, this.member(value, child.text, child.text));
          else if (child.type === 'pair_pattern') {
            const key = child.childForFieldName('key')?.text ?? '';
            const inner = child.childForFieldName('value');
            if (inner) this.bind(inner, this.member(value, key, key), env, mod);
          } else if (child.type === 'object_assignment_pattern') {
            const left = child.childForFieldName('left');
            if (left) env.set(left.text, this.member(value, left.text, left.text));
          }
        }
        return;
      case 'array_pattern':
        namedChildren(pattern).forEach((child, index) => this.bind(child, this.member(value, String(index), child.text), env, mod));
        return;
      default:
        return;
    }
  }

  private evaluateNode(node: Node, mod: Module, env: Env): Value {
    switch (node.type) {
      case 'string':
        return { kind: 'str', value: decodeStringLiteral(node) };
      case 'template_string':
        return this.template(node, mod, env);
      case 'number':
        return { kind: 'num', value: Number(node.text.replace(/_/g, '')) };
      case 'true':
      case 'false':
        return { kind: 'bool', value: node.type === 'true' };
      case 'null':
      case 'undefined':
        return { kind: 'null' };
      case 'identifier':
      case 'shorthand_property_identifier':
        return node.text === 'undefined' ? { kind: 'null' } : this.lookup(node.text, node, mod, env);
      case 'binary_expression':
        return this.binary(node, mod, env);
      case 'member_expression': {
        const object = node.childForFieldName('object');
        const prop = memberName(node);
        if (!object || !prop) return unknown(node, mod, env);
        const result = this.member(this.evaluate(object, mod, env), prop, node.text);
        return result.kind === 'unknown' && !result.node ? { kind: 'unknown', src: node.text, node, mod, env, origin: result.origin } : result;
      }
      case 'subscript_expression': {
        const object = node.childForFieldName('object');
        const index = node.childForFieldName('index');
        const key = index ? this.evaluate(index, mod, env) : null;
        if (!object || !key || (key.kind !== 'str' && key.kind !== 'num')) return unknown(node, mod, env);
        return this.member(this.evaluate(object, mod, env), String(key.value), node.text);
      }
      case 'object':
        return this.object(node, mod, env);
      case 'array':
        return { kind: 'arr', items: this.arrayItems(node, mod, env) };
      case 'arrow_function':
      case 'function_expression':
      case 'function':
        return { kind: 'fn', node, mod, env };
      case 'call_expression':
        return this.call(node, mod, env);
      default:
        return unknown(node, mod, env);
    }
  }

  private template(node: Node, mod: Module, env: Env): Value {
    let text = '';
    let complete = true;
    for (const child of namedChildren(node)) {
      if (child.type === 'string_fragment') text += child.text;
      else if (child.type === 'escape_sequence') text += decodeEscape(child.text);
      else if (child.type === 'template_substitution') {
        const inner = namedChildren(child)[0];
        const part = inner ? asTemplatePart(this.evaluate(inner, mod, env)) : { text: '', complete: true };
        text += part.text;
        complete &&= part.complete;
      }
    }
    // Authors indent multi-line descriptions with their code; readers see them dedented.
    const value = text.includes('\n') ? dedent(text) : text;
    return complete ? { kind: 'str', value } : { kind: 'partial', value };
  }

  private binary(node: Node, mod: Module, env: Env): Value {
    const operator = node.childForFieldName('operator')?.text;
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (operator !== '+' || !left || !right) return unknown(node, mod, env);
    const a = this.evaluate(left, mod, env);
    const b = this.evaluate(right, mod, env);
    if (a.kind === 'num' && b.kind === 'num') return { kind: 'num', value: a.value + b.value };
    if (!isText(a) && !isText(b)) return unknown(node, mod, env);
    const pa = asTemplatePart(a);
    const pb = asTemplatePart(b);
    const value = pa.text + pb.text;
    return pa.complete && pb.complete ? { kind: 'str', value } : { kind: 'partial', value };
  }

  private object(node: Node, mod: Module, env: Env): Value {
    const entries = new Map<string, Entry>();
    for (const child of namedChildren(node)) {
      if (child.type === 'pair') {
        let key = pairKey(child);
        const keyNode = child.childForFieldName('key');
        if (key === null && keyNode?.type === 'computed_property_name') {
          const computed = namedChildren(keyNode)[0];
          const value = computed ? this.evaluate(computed, mod, env) : null;
          if (value && (value.kind === 'str' || value.kind === 'num')) key = String(value.value);
        }
        if (key !== null) entries.set(key, { line: lineOf(child), mod, node: child.childForFieldName('value'), env });
      } else if (child.type === 'shorthand_property_identifier') {
        entries.set(child.text, { line: lineOf(child), mod, node: child, env });
      } else if (child.type === 'method_definition') {
        const key = child.childForFieldName('name')?.text;
        if (key) entries.set(key, { line: lineOf(child), mod, node: null, env, value: { kind: 'fn', node: child, mod, env } });
      } else if (child.type === 'spread_element') {
        const inner = namedChildren(child)[0];
        const spread = inner ? this.evaluate(inner, mod, env) : null;
        if (spread?.kind === 'obj') for (const [key, entry] of spread.entries) entries.set(key, entry);
      }
    }
    return { kind: 'obj', entries, mod, node };
  }

  private arrayItems(node: Node, mod: Module, env: Env): Item[] {
    const items: Item[] = [];
    for (const child of namedChildren(node)) {
      if (child.type === 'spread_element') {
        const inner = namedChildren(child)[0];
        const spread = inner ? this.evaluate(inner, mod, env) : null;
        if (spread?.kind === 'arr') items.push(...spread.items);
        else if (inner) items.push({ value: unknown(inner, mod, env), conditions: [] });
        continue;
      }
      items.push({ value: this.evaluate(child, mod, env), conditions: [] });
    }
    return items;
  }

  private call(node: Node, mod: Module, env: Env): Value {
    const callee = unwrap(node.childForFieldName('function') ?? node);
    const args = callArguments(node);
    if (callee.type === 'member_expression') {
      const method = memberName(callee) ?? '';
      const receiverNode = callee.childForFieldName('object');
      if (!receiverNode) return unknown(node, mod, env);
      if (receiverNode.text === 'Object') return this.objectHelper(method, args, node, mod, env);
      const receiver = this.evaluate(receiverNode, mod, env);
      const result = this.method(receiver, method, args, node, mod, env);
      if (result) return result;
      const fn = this.member(receiver, method, callee.text);
      if (fn.kind === 'fn') return this.callFunction(fn, args.map((arg) => this.evaluate(arg, mod, env)), node.text);
      return unknown(node, mod, env);
    }
    if (args.length === 1 && args[0].type === 'template_string') return this.evaluate(args[0], mod, env);
    if (callee.type !== 'identifier') return unknown(node, mod, env);
    const fn = this.lookup(callee.text, callee, mod, env);
    if (fn.kind !== 'fn') return unknown(node, mod, env);
    return this.callFunction(fn, args.map((arg) => this.evaluate(arg, mod, env)), node.text);
  }

  /** Array and string methods whose result a reader can compute. */
  private method(receiver: Value, method: string, args: Node[], node: Node, mod: Module, env: Env): Value | null {
    if (receiver.kind === 'arr') {
      switch (method) {
        case 'join': {
          const separator = args[0] ? this.evaluate(args[0], mod, env) : { kind: 'str' as const, value: ',' };
          if (separator.kind !== 'str') return unknown(node, mod, env);
          const parts = receiver.items.map((item) => asTemplatePart(item.value));
          const value = parts.map((part) => part.text).join(separator.value);
          return parts.every((part) => part.complete) ? { kind: 'str', value } : { kind: 'partial', value };
        }
        case 'filter': {
          const condition: Condition = { kind: 'feature-toggle', expr: `filter(${shorten(args[0]?.text ?? '')})` };
          return { kind: 'arr', items: receiver.items.map((item) => ({ ...item, conditions: [...item.conditions, condition] })) };
        }
        case 'map':
        case 'flatMap': {
          const fn = args[0] ? this.evaluate(args[0], mod, env) : null;
          if (fn?.kind !== 'fn') return unknown(node, mod, env);
          const items: Item[] = [];
          receiver.items.forEach((item, index) => {
            const mapped = this.callFunction(fn, [item.value, { kind: 'num', value: index }], node.text);
            if (method === 'flatMap' && mapped.kind === 'arr') items.push(...mapped.items.map((inner) => ({ ...inner, conditions: [...item.conditions, ...inner.conditions] })));
            else items.push({ value: mapped, conditions: item.conditions });
          });
          return { kind: 'arr', items };
        }
        case 'concat': {
          const items = [...receiver.items];
          for (const arg of args) {
            const value = this.evaluate(arg, mod, env);
            if (value.kind === 'arr') items.push(...value.items);
            else items.push({ value, conditions: [] });
          }
          return { kind: 'arr', items };
        }
        case 'slice':
        case 'reverse':
        case 'sort':
        case 'toSorted':
          return receiver;
        default:
          return null;
      }
    }
    if (isText(receiver)) {
      if (method === 'trim' || method === 'trimStart' || method === 'trimEnd') {
        return { ...receiver, value: receiver.value[method]() };
      }
      if (method === 'toString') return receiver;
    }
    return null;
  }

  /** `Object.values`, `Object.entries`, `Object.freeze` and `Object.assign` on object values. */
  private objectHelper(method: string, args: Node[], node: Node, mod: Module, env: Env): Value {
    const target = args[0] ? this.evaluate(args[0], mod, env) : null;
    if (method === 'freeze' && target) return target;
    if (target?.kind !== 'obj') return unknown(node, mod, env);
    const entries = [...target.entries];
    if (method === 'values') return { kind: 'arr', items: entries.map(([, entry]) => ({ value: this.entryValue(entry), conditions: [] })) };
    if (method === 'keys') return { kind: 'arr', items: entries.map(([key, entry]) => ({ value: { kind: 'str', value: key, origin: { file: entry.mod.path, line: entry.line } }, conditions: [] })) };
    if (method === 'entries') {
      return {
        kind: 'arr',
        items: entries.map(([key, entry]) => ({
          value: {
            kind: 'arr',
            items: [
              { value: { kind: 'str', value: key, origin: { file: entry.mod.path, line: entry.line } }, conditions: [] },
              { value: this.entryValue(entry), conditions: [] },
            ],
          },
          conditions: [],
        })),
      };
    }
    return unknown(node, mod, env);
  }

  /** `z.object({...})` anywhere in a chain gives its shape; `X.shape` reads it. */
  private zodObjectShape(node: Node, mod: Module, env: Env): Value | null {
    let current: Node | null = unwrap(node);
    while (current && current.type === 'call_expression') {
      const callee = unwrap(current.childForFieldName('function') ?? current);
      const method = memberName(callee);
      if (method === 'object' || method === 'strictObject' || method === 'looseObject') {
        const arg = callArguments(current)[0];
        const shape = arg ? this.evaluate(arg, mod, env) : null;
        return shape?.kind === 'obj' ? shape : null;
      }
      current = callee.type === 'member_expression' ? callee.childForFieldName('object') : null;
    }
    return null;
  }

  lookup(name: string, ref: Node, mod: Module, env: Env): Value {
    const bound = env.get(name);
    if (bound) return bound;
    const declaration = findDeclaration(this.program, name, ref, mod);
    if (!declaration) return { kind: 'unknown', src: name };
    if (declaration.kind === 'parameter') return { kind: 'unknown', src: name, param: true };
    return this.declarationValue(declaration, name, env);
  }

  declarationValue(declaration: Declaration | null, name: string, env: Env = EMPTY_ENV): Value {
    if (!declaration) return { kind: 'unknown', src: name };
    const top = declaration.kind !== 'variable' || declaration.topLevel;
    const key = `${declaration.mod.path}#${declarationNodeId(declaration)}#${name}`;
    if (top && this.program.cache.has(key)) return this.program.cache.get(key) as Value;
    if (this.inProgress.has(key) || this.hops >= MAX_HOPS) return { kind: 'unknown', src: name };
    this.inProgress.add(key);
    this.hops++;
    try {
      const value = this.computeDeclaration(declaration, name, top ? EMPTY_ENV : env);
      if (top) this.program.cache.set(key, value);
      return value;
    } finally {
      this.hops--;
      this.inProgress.delete(key);
    }
  }

  private computeDeclaration(declaration: Declaration, name: string, env: Env): Value {
    switch (declaration.kind) {
      case 'function':
        return { kind: 'fn', node: declaration.node, mod: declaration.mod, env: EMPTY_ENV };
      case 'enum':
        return this.enumValue(declaration.node, declaration.mod);
      case 'import': {
        if (!declaration.target) return { kind: 'unknown', src: name };
        if (declaration.imported === '*') return { kind: 'ns', mod: declaration.target };
        return this.declarationValue(findExport(this.program, declaration.target, declaration.imported), name);
      }
      case 'variable': {
        if (!declaration.init) return { kind: 'unknown', src: name };
        let value = this.evaluate(declaration.init, declaration.mod, env);
        for (const step of declaration.path) value = this.member(value, step, name);
        if (value.kind === 'arr' && declaration.path.length === 0) value = this.withPushes(value, declaration, name, env);
        return value;
      }
      default:
        return { kind: 'unknown', src: name };
    }
  }

  /** `const tools = [...]` followed by `tools.push(...)` (often under `if`) in the same block. */
  private withPushes(value: Extract<Value, { kind: 'arr' }>, declaration: Extract<Declaration, { kind: 'variable' }>, name: string, env: Env): Value {
    const scope = declaration.declarator.parent?.parent;
    if (!scope) return value;
    const items = [...value.items];
    for (const call of scope.descendantsOfType('call_expression')) {
      if (!call || call.startIndex < declaration.declarator.endIndex) continue;
      const callee = unwrap(call.childForFieldName('function') ?? call);
      if (memberName(callee) !== 'push' && memberName(callee) !== 'unshift') continue;
      if (callee.childForFieldName('object')?.text !== name) continue;
      const conditions = conditionsBetween(call, scope, declaration.mod, this.program);
      for (const arg of callArguments(call)) {
        if (arg.type === 'spread_element') {
          const inner = namedChildren(arg)[0];
          const spread = inner ? this.evaluate(inner, declaration.mod, env) : null;
          if (spread?.kind === 'arr') items.push(...spread.items.map((item) => ({ ...item, conditions: [...conditions, ...item.conditions] })));
          continue;
        }
        items.push({ value: this.evaluate(arg, declaration.mod, env), conditions });
      }
    }
    return { kind: 'arr', items };
  }

  private enumValue(node: Node, mod: Module): Value {
    const entries = new Map<string, Entry>();
    const body = node.childForFieldName('body');
    let index = 0;
    for (const member of body ? namedChildren(body) : []) {
      if (member.type === 'enum_assignment') {
        const key = member.childForFieldName('name')?.text;
        const valueNode = member.childForFieldName('value');
        if (key) entries.set(key, { line: lineOf(member), mod, node: valueNode, env: EMPTY_ENV });
      } else if (member.type === 'property_identifier') {
        entries.set(member.text, { line: lineOf(member), mod, node: null, env: EMPTY_ENV, value: { kind: 'num', value: index } });
      }
      index++;
    }
    return { kind: 'obj', entries, mod, node };
  }
}

const TOOL_FIELDS = ['description', 'inputSchema', 'parameters', 'annotations', 'execute', 'handler', 'title'];

/** An object with the fields of a tool definition, as opposed to a table of names. */
function looksLikeTool(value: Extract<Value, { kind: 'obj' }>): boolean {
  return TOOL_FIELDS.some((field) => value.entries.has(field));
}

function declarationNodeId(declaration: Declaration): number {
  if (declaration.kind === 'variable') return declaration.declarator.id;
  if (declaration.kind === 'import') return -1;
  return declaration.node.id;
}

/** Return statements of a function body, not of functions nested in it. */
function returnStatements(body: Node): Node[] {
  const found: Node[] = [];
  const visit = (node: Node): void => {
    for (const child of namedChildren(node)) {
      if (isFunction(child) || child.type === 'class_declaration') continue;
      if (child.type === 'return_statement') found.push(child);
      else visit(child);
    }
  };
  visit(body);
  return found;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
}
