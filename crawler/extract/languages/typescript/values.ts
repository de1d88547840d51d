import type { Condition } from '../../../model/index.ts';
import type { Node } from '../../parser.ts';
import type { Module } from './program.ts';

/** Where a value was read from: the `name:` property of a tool object, for instance. */
export interface Origin {
  file: string;
  line: number;
}

/** Names bound while evaluating a function body or a loop (parameters, loop variables). */
export type Env = ReadonlyMap<string, Value>;
export const EMPTY_ENV: Env = new Map();

/** A property of an object value, evaluated on demand. */
export interface Entry {
  line: number;
  mod: Module;
  node: Node | null;
  env: Env;
  value?: Value;
}

/** An element of an array value, with the conditions under which it is present. */
export interface Item {
  value: Value;
  conditions: Condition[];
}

/**
 * What the partial evaluator knows about an expression. `partial` is a string with `${source}`
 * placeholders for the parts that could not be computed; `unknown` keeps the node so that schema
 * builders can still read Zod chains.
 */
export type Value =
  | { kind: 'str'; value: string; origin?: Origin }
  | { kind: 'partial'; value: string; origin?: Origin }
  | { kind: 'num'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' }
  | { kind: 'obj'; entries: Map<string, Entry>; mod: Module; node: Node | null }
  | { kind: 'arr'; items: Item[] }
  | { kind: 'fn'; node: Node; mod: Module; env: Env }
  | { kind: 'ns'; mod: Module }
  | { kind: 'unknown'; src: string; node?: Node; mod?: Module; env?: Env; origin?: Origin; param?: boolean };

export function unknown(node: Node, mod?: Module, env?: Env): Value {
  return { kind: 'unknown', src: node.text, node, mod, env };
}

/** True for values that are text, fully or in part. */
export function isText(value: Value): value is Extract<Value, { kind: 'str' | 'partial' }> {
  return value.kind === 'str' || value.kind === 'partial';
}

/** The value as template text: literals as is, anything else as a `${source}` placeholder. */
export function asTemplatePart(value: Value): { text: string; complete: boolean } {
  if (value.kind === 'str') return { text: value.value, complete: true };
  if (value.kind === 'partial') return { text: value.value, complete: false };
  if (value.kind === 'num' || value.kind === 'bool') return { text: String(value.value), complete: true };
  if (value.kind === 'null') return { text: 'null', complete: true };
  const src = value.kind === 'unknown' ? value.src : value.kind;
  return { text: `\${${src}}`, complete: false };
}
