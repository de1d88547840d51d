/**
 * What each gateway or client decides for the first call of a window, from a parser's reading of a
 * policy text. Written from the formats' documentation and Intercept's engine source, apart from
 * crawler/policy/evaluate.ts, so that tests can hold the evaluator against it.
 */
export type Format = 'policy-json' | 'intercept-yaml' | 'claude-code' | 'codex';

export interface Call {
  name: string;
  arguments: Record<string, unknown>;
}

type Json = Record<string, unknown>;

export function gatewayDecision(format: Format, reading: unknown, call: Call): 'allow' | 'deny' {
  switch (format) {
    case 'policy-json': return policyJson(reading as Json, call.name);
    case 'intercept-yaml': return intercept(reading as Json, call);
    case 'claude-code': return claudeCode(reading as Json, call.name);
    case 'codex': return codex(reading as Json, call.name);
  }
}

/** policylayer.com/docs/writing-policies: hide, then a listed tool within its limits, then default. */
function policyJson(policy: Json, name: string): 'allow' | 'deny' {
  const hide = (policy.hide ?? []) as string[];
  if (hide.includes(name) || hide.includes('*')) return 'deny';
  const tools = (policy.tools ?? {}) as Json;
  if (Object.hasOwn(tools, name)) {
    const limits = ((tools[name] as Json).limits ?? []) as { max: number }[];
    return limits.every((limit) => limit.max >= 1) ? 'allow' : 'deny';
  }
  return policy.default === 'allow' ? 'allow' : 'deny';
}

/** PolicyLayer/Intercept internal/engine: hide, default deny on the exact key, then the tool's and "*" rules. */
function intercept(policy: Json, call: Call): 'allow' | 'deny' {
  const hide = (policy.hide ?? []) as string[];
  if (hide.includes(call.name) || hide.includes('*')) return 'deny';
  const tools = (policy.tools ?? {}) as Record<string, { rules: Json[] }>;
  const listed = Object.hasOwn(tools, call.name);
  if ((policy.default ?? 'allow') === 'deny' && !listed) return 'deny';
  const rules = [
    ...(listed ? tools[call.name].rules : []),
    ...(call.name !== '*' && Object.hasOwn(tools, '*') ? tools['*'].rules : []),
  ];
  for (const rule of rules) {
    if (rule.action === 'deny') return 'deny';
    if (typeof rule.rate_limit === 'string') continue; // N ≥ 1: the first call passes
    for (const condition of (rule.conditions ?? []) as { path: string; op: string; value: unknown }[]) {
      if (!conditionHolds(condition, rule, call)) return 'deny';
    }
  }
  return 'allow';
}

function conditionHolds(condition: { path: string; op: string; value: unknown }, rule: Json, call: Call): boolean {
  if (condition.path.startsWith('state.')) {
    // A fresh counter reads 0; the call reserves its increment against the limit.
    const state = rule.state as { increment_from?: string } | undefined;
    const amount = state?.increment_from ? argument(call, state.increment_from.slice('args.'.length)) : { found: true, value: 1 };
    return amount.found && typeof amount.value === 'number' && typeof condition.value === 'number' && amount.value <= condition.value;
  }
  const resolved = argument(call, condition.path.slice('args.'.length));
  if (!resolved.found) return false;
  switch (condition.op) {
    case 'regex': {
      const pattern = String(condition.value);
      const caseless = pattern.startsWith('(?i)');
      return typeof resolved.value === 'string' && new RegExp(caseless ? pattern.slice(4) : pattern, caseless ? 'i' : '').test(resolved.value);
    }
    case 'lte': return typeof resolved.value === 'number' && typeof condition.value === 'number' && resolved.value <= condition.value;
    default: throw new Error(`the reference gateway does not model operator ${condition.op}`);
  }
}

/** Intercept's ResolveArgs: the path split at every dot, each part a key of a map. */
function argument(call: Call, path: string): { found: boolean; value?: unknown } {
  let current: unknown = call.arguments;
  for (const part of path.split('.')) {
    if (!current || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, part)) return { found: false };
    current = (current as Json)[part];
  }
  return { found: true, value: current };
}

/**
 * Claude Code: a deny rule `mcp__<server>` covers the server, `mcp__<server>__*` too, and
 * `mcp__<server>__<tool>` the tool whose name, every character outside [A-Za-z0-9_-] made `_`
 * (code unit by code unit), is <tool>. The server part is the user's registered name, which a call
 * does not carry, so any server matches.
 */
function claudeCode(settings: Json, name: string): 'allow' | 'deny' {
  const normalized = name.replace(/[^A-Za-z0-9_-]/g, '_');
  const rules = ((settings.permissions as Json).deny ?? []) as string[];
  const denied = rules.some((rule) => {
    const rest = rule.slice('mcp__'.length);
    return !rest.includes('__') || rest.endsWith('__*') || rest.endsWith(`__${normalized}`);
  });
  return denied ? 'deny' : 'allow';
}

/** Codex config reference: `enabled = false` switches the server off; `disabled_tools` removes tools. */
function codex(config: Json, name: string): 'allow' | 'deny' {
  const tables = Object.values(config.mcp_servers as Json) as Json[];
  if (tables.length !== 1) throw new Error(`expected one [mcp_servers.<name>] table, got ${tables.length}`);
  const [table] = tables;
  if (table.enabled === false) return 'deny';
  return ((table.disabled_tools ?? []) as string[]).includes(name) ? 'deny' : 'allow';
}
