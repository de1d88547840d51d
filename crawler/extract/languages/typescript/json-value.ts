import type { Evaluator } from './evaluate.ts';
import type { Value } from './values.ts';

const MAX_JSON_DEPTH = 12;

/** A value as plain JSON; what cannot be computed is kept as its source text. */
export function toJson(evaluator: Evaluator, value: Value, depth = 0): unknown {
  if (depth > MAX_JSON_DEPTH) return null;
  switch (value.kind) {
    case 'str':
    case 'partial':
    case 'num':
    case 'bool':
      return value.value;
    case 'null':
      return null;
    case 'arr':
      return value.items.map((item) => toJson(evaluator, item.value, depth + 1));
    case 'obj': {
      const out: Record<string, unknown> = {};
      for (const [key, entry] of value.entries) out[key] = toJson(evaluator, evaluator.entryValue(entry), depth + 1);
      return out;
    }
    case 'unknown':
      return value.src;
    default:
      return null;
  }
}
