import type { Classification } from '../model/classification.ts';
import { splitName } from '../classify/words.ts';
import { compare } from './names.ts';

/** The kinds of argument our Intercept rules constrain. */
export type ArgumentKind = 'path' | 'url' | 'sql' | 'amount';

/**
 * The last word of a parameter name decides its kind: `file_path` and `filePath` are paths,
 * `file_id` and `path_pattern` are not.
 */
const LAST_WORDS: Record<ArgumentKind, ReadonlySet<string>> = {
  path: new Set(['path', 'file', 'filename', 'filepath', 'dir', 'directory', 'folder', 'dirname']),
  url: new Set(['url', 'uri', 'href', 'endpoint', 'link', 'website', 'webpage']),
  sql: new Set(['sql', 'query', 'statement', 'stmt']),
  amount: new Set(['amount', 'cents', 'price', 'total', 'value']),
};
const WHOLE_NAMES: Record<ArgumentKind, ReadonlySet<string>> = {
  path: new Set(['source', 'destination', 'target', 'src', 'dest']),
  url: new Set(),
  sql: new Set(),
  amount: new Set(),
};

/** What a user must rename when the tool's input schema could not be read. */
export const FALLBACK_ARGUMENT: Record<ArgumentKind, string> = { path: 'path', url: 'url', sql: 'query', amount: 'amount' };

export interface Parameter {
  name: string;
  type: string | null;
  required: boolean;
  enum: unknown[] | null;
}

/** An argument a rule constrains, by kind. */
export interface ArgumentCheck {
  kind: ArgumentKind;
  arg: string;
}

const KINDS: ArgumentKind[] = ['path', 'url', 'sql', 'amount'];

/** Which arguments of a tool get a rule: file paths, URLs, SQL, amounts, by what the classifier found. */
export function argumentChecks(tool: { classification: Classification; inputSchema?: Record<string, unknown> | null }): ArgumentCheck[] {
  const { classification } = tool;
  const params = parameters(tool.inputSchema);
  const tags = new Set(classification.tags);
  const rules = new Set(classification.rules);
  const kinds: ArgumentKind[] = [];
  if (tags.has('filesystem') && classification.risk !== 'low') kinds.push('path');
  if (rules.has('fetchesArbitraryUrl') || rules.has('drivesBrowser') || rules.has('submitsInBrowser') || rules.has('forwardsEventsToUrl')) kinds.push('url');
  if (rules.has('runsSqlQuery')) kinds.push('sql');
  if (tags.has('payments') && classification.category === 'financial') kinds.push('amount');
  return kinds.flatMap((kind) => argumentsOfKind(params, kind).map((arg) => ({ kind, arg })));
}

/** Checks without repeats, by kind then argument: the same list whatever order they were found in. */
export function uniqueChecks(checks: ArgumentCheck[]): ArgumentCheck[] {
  const seen = new Map<string, ArgumentCheck>();
  for (const check of checks) seen.set(`${check.kind}\u0000${check.arg}`, check);
  return [...seen.values()].sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || compare(a.arg, b.arg));
}

/** The schema's top-level parameters in code-point order; `null` when the schema is unknown. */
export function parameters(schema: Record<string, unknown> | null | undefined): Parameter[] | null {
  const properties = schema?.properties;
  if (!properties || typeof properties !== 'object' || Object.keys(properties).length === 0) return null;
  const required = new Set(Array.isArray(schema?.required) ? (schema.required as unknown[]).filter((r) => typeof r === 'string') : []);
  return Object.keys(properties).sort(compare).map((name) => {
    const property = (properties as Record<string, unknown>)[name];
    const spec = property && typeof property === 'object' ? property as Record<string, unknown> : {};
    const type = typeof spec.type === 'string' ? spec.type : Array.isArray(spec.type) ? spec.type.find((t) => t !== 'null') ?? null : null;
    return { name, type: typeof type === 'string' ? type : null, required: required.has(name), enum: Array.isArray(spec.enum) ? spec.enum : null };
  });
}

/**
 * The parameters of this kind. Arrays are left out: Intercept's conditions compare one value, so a
 * regex on a list of paths would deny every call; amounts must be numbers. Without a readable schema, the conventional
 * name (FALLBACK_ARGUMENT), which the user checks; a schema without such a parameter gives none.
 */
export function argumentsOfKind(params: Parameter[] | null, kind: ArgumentKind): string[] {
  if (params === null) return [FALLBACK_ARGUMENT[kind]];
  return params.filter((param) => fits(param, kind) && isKind(param.name, kind)).map((param) => param.name);
}

/** Intercept compares numbers only with numbers (a Stripe `price` id is a string), and one value at a time. */
function fits(param: Parameter, kind: ArgumentKind): boolean {
  if (param.type === 'array' || param.type === 'object') return false;
  return kind !== 'amount' || param.type === null || param.type === 'number' || param.type === 'integer';
}

function isKind(name: string, kind: ArgumentKind): boolean {
  if (WHOLE_NAMES[kind].has(name.toLowerCase())) return true;
  const words = splitName(name);
  return words.length > 0 && LAST_WORDS[kind].has(words[words.length - 1]);
}
