import { compare } from './names.ts';
import { PolicyJson } from './schema.ts';

/** The order a reader expects: what the policy is, then what it hides, then per tool. */
const TOP_ORDER = ['version', 'default', 'hide', 'all_tools', 'tools'];
const ENTRY_ORDER = ['limits', 'require', 'deny_if'];
const LIMIT_ORDER = ['counter', 'window', 'max', 'scope'];

/** Pretty JSON, two spaces, stable key order, trailing newline: byte-identical for the same policy. */
export function formatPolicy(policy: PolicyJson): string {
  const parsed = PolicyJson.parse(policy);
  return `${JSON.stringify(ordered(parsed, TOP_ORDER), null, 2)}\n`;
}

function ordered(policy: PolicyJson, order: string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of order) {
    const value = (policy as Record<string, unknown>)[key];
    if (value === undefined) continue;
    result[key] = key === 'tools' ? orderedTools(value as NonNullable<PolicyJson['tools']>)
      : key === 'all_tools' ? orderedEntry(value as Record<string, unknown>)
      : value;
  }
  return result;
}

/** Tool names are crawled: the object has no prototype, so `__proto__` stays a key. */
function orderedTools(tools: NonNullable<PolicyJson['tools']>): Record<string, unknown> {
  const result: Record<string, unknown> = Object.create(null);
  for (const name of Object.keys(tools).sort(compare)) result[name] = orderedEntry(tools[name] as Record<string, unknown>);
  return result;
}

function orderedEntry(entry: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of ENTRY_ORDER) {
    const value = entry[key];
    if (value === undefined) continue;
    result[key] = key === 'limits' ? (value as Record<string, unknown>[]).map((limit) => pick(limit, LIMIT_ORDER)) : value;
  }
  return result;
}

function pick(object: Record<string, unknown>, order: string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of order) if (object[key] !== undefined) result[key] = object[key];
  return result;
}
