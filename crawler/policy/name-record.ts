import { z } from 'zod';

/**
 * A mapping keyed by crawled names (tools, servers). zod's record assigns each key on a plain
 * object, where `__proto__` sets the prototype instead of adding a key, so a tool of that name
 * vanished from the policy; and a plain object answers `constructor` for a name nobody listed.
 * This keeps every key, on an object without a prototype.
 */
export function nameRecord<T extends z.ZodType>(value: T) {
  return z.preprocess(
    (input) => (isMapping(input) ? new Map(Object.entries(input)) : input),
    z.map(z.string(), value, { error: 'expected a mapping of names' }),
  ).transform((entries) => {
    const result: Record<string, z.output<T>> = Object.create(null);
    for (const [key, item] of entries) result[key] = item;
    return result;
  });
}

function isMapping(input: unknown): input is Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input) && !(input instanceof Map);
}
