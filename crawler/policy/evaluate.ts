import { claudeCodeToolName } from './clients.ts';
import { readPolicy, type ParsedPolicy, type PolicyFormat } from './formats.ts';
import { desugar, splitState, type InterceptCondition, type InterceptRule, type InterceptYaml } from './intercept-schema.ts';
import { re2ToJs } from './regex.ts';
import type { PolicyJson, PolicyLimit } from './schema.ts';

export interface ToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

export interface Decision {
  decision: 'allow' | 'deny';
  reason: string;
}

type Window = 'minute' | 'hour' | 'day';

/**
 * Counters of one grant (policy.json) or one Intercept state store, and the clock. Calls that are
 * allowed count (the evaluator assumes the upstream call succeeds; Intercept rolls back failures).
 */
export interface EvaluationState {
  now: Date;
  counters: Map<string, { window: Window; windowStart: number; value: number }>;
}

export function evaluationState(now = new Date(Date.UTC(2025, 0, 1, 12, 0, 0))): EvaluationState {
  return { now, counters: new Map() };
}

/**
 * What a gateway or client would do with this call under this policy text, by the documented
 * semantics of the format. Refuses (throws) policies it cannot evaluate faithfully.
 */
export function evaluateCall(format: PolicyFormat, policyText: string, call: ToolCall, state: EvaluationState = evaluationState()): Decision {
  const parsed = readOnce(format, policyText);
  switch (parsed.format) {
    case 'policy-json': return evaluatePolicyJson(parsed.policy, call, state);
    case 'intercept-yaml': return evaluateIntercept(parsed.policy, call, state);
    case 'claude-code': {
      const entry = parsed.policy.permissions.deny.find((rule) => deniesTool(rule, call.name));
      return entry ? deny(`Claude Code denies it: ${entry} is in permissions.deny`) : allow('not in permissions.deny; Claude Code applies its usual permission prompts');
    }
    case 'codex': {
      const [table] = Object.values(parsed.policy.mcp_servers);
      if (table.enabled === false) return deny('Codex does not start the server: enabled = false');
      return table.disabled_tools.includes(call.name)
        ? deny('Codex does not expose it: listed in disabled_tools')
        : allow('not in disabled_tools; Codex applies its usual approval policy');
    }
  }
}

/** The last text read: replaying calls against one policy parses it once. The evaluator never changes what it reads. */
let lastRead: { format: PolicyFormat; text: string; parsed: ParsedPolicy } | null = null;

function readOnce(format: PolicyFormat, text: string): ParsedPolicy {
  if (lastRead?.format !== format || lastRead.text !== text) lastRead = { format, text, parsed: readPolicy(format, text) };
  return lastRead.parsed;
}

/**
 * policy.json (policylayer.com/docs/writing-policies): hidden tools are denied, listed tools are
 * allowed within their limits and all_tools.limits, others follow `default`. A limit allows a call
 * while the counter stays within `max` in the window. `require`/`deny_if` syntax is unpublished.
 */
function evaluatePolicyJson(policy: PolicyJson, call: ToolCall, state: EvaluationState): Decision {
  const hide = policy.hide ?? [];
  if (hide.includes(call.name) || hide.includes('*')) return deny('hidden: in hide, so it is not listed and every call is denied');
  const tools = policy.tools ?? {};
  const entry = Object.hasOwn(tools, call.name) ? tools[call.name] : undefined;
  if (entry && ((entry.require?.length ?? 0) > 0 || (entry.deny_if?.length ?? 0) > 0)) {
    throw new Error('require/deny_if conditions have no published syntax; the evaluator cannot decide them');
  }
  if (!entry && policy.default === 'deny') return deny('default deny: not listed under tools');
  const limits: PolicyLimit[] = [...(entry?.limits ?? []), ...(policy.all_tools?.limits ?? [])];
  for (const limit of limits) {
    const used = counterValue(state, `grant.${limit.counter}`, limit.window);
    if (used + 1 > limit.max) return deny(`limit ${limit.counter}: ${limit.max} calls per ${limit.window} per grant already made`);
  }
  for (const limit of limits) addToCounter(state, `grant.${limit.counter}`, limit.window, 1);
  return allow(limits.length > 0 ? `listed; within ${limits.map((l) => `${l.counter} (${l.max}/${l.window})`).join(', ')}` : `listed under tools with no limits`);
}

/**
 * Intercept (PolicyLayer/Intercept, internal/engine and internal/proxy): hide, then default deny
 * for unlisted tools, then the tool's rules and the "*" rules in order: `deny` denies,
 * `evaluate` needs every condition true (a missing argument fails all but `exists`); then each
 * counter reserves its increment and denies when it would pass the limit.
 */
function evaluateIntercept(policy: InterceptYaml, call: ToolCall, state: EvaluationState): Decision {
  const tools = policy.tools ?? {};
  if ((policy.hide ?? []).some((name) => name === call.name || name === '*')) return deny('hidden: in hide');
  if ((policy.default ?? 'allow') === 'deny' && !Object.hasOwn(tools, call.name)) return deny('default deny: not listed under tools');
  const scoped: { scope: string; rule: InterceptRule }[] = [
    ...(Object.hasOwn(tools, call.name) ? desugar(call.name, tools[call.name].rules).map((rule) => ({ scope: call.name, rule })) : []),
    ...(call.name !== '*' && Object.hasOwn(tools, '*') ? desugar('*', tools['*'].rules).map((rule) => ({ scope: '_global', rule })) : []),
  ];
  for (const { rule } of scoped) {
    if (rule.action === 'deny') return deny(`rule "${rule.name}" denies every call${rule.on_deny ? `: ${rule.on_deny}` : ''}`);
    const failed = (rule.conditions ?? []).find((condition) => !conditionHolds(condition, call, state));
    if (failed) return deny(`rule "${rule.name}": ${rule.on_deny ?? `${failed.path} ${failed.op} failed`}`);
  }
  const reservations: { key: string; window: Window; amount: number }[] = [];
  for (const { scope, rule } of scoped) {
    if (!rule.state) continue;
    const key = `${scope}.${rule.state.counter}`;
    const limit = counterLimit(rule, `state.${key}`);
    if (limit === null) continue;
    const amount = increment(rule, call);
    if (amount === null) return deny(`rule "${rule.name}": ${rule.state.increment_from} is missing or not a number (Intercept answers "Internal policy error")`);
    if (counterValue(state, key, rule.state.window) + amount > limit) return deny(`rule "${rule.name}": ${rule.on_deny ?? `counter ${key} would pass ${limit}`}`);
    reservations.push({ key, window: rule.state.window, amount });
  }
  for (const r of reservations) addToCounter(state, r.key, r.window, r.amount);
  return allow(scoped.length > 0 ? `every rule passes (${scoped.map(({ rule }) => rule.name).join('; ')})` : 'listed under tools with no rules');
}

function conditionHolds(condition: InterceptCondition, call: ToolCall, state: EvaluationState): boolean {
  const { path, op, value } = condition;
  const resolved = path.startsWith('args.') ? resolveArgs(call.arguments, path.slice(5)) : resolveState(state, path);
  if (op === 'exists') return typeof value === 'boolean' && (resolved.exists && resolved.value !== null && resolved.value !== undefined) === value;
  if (!resolved.exists) return false;
  const actual = resolved.value;
  switch (op) {
    case 'eq': return equal(actual, value);
    case 'neq': return !equal(actual, value);
    case 'in': return Array.isArray(value) && value.some((item) => equal(actual, item));
    case 'not_in': return !(Array.isArray(value) && value.some((item) => equal(actual, item)));
    case 'lt': return compareNumbers(actual, value, (a, b) => a < b);
    case 'lte': return compareNumbers(actual, value, (a, b) => a <= b);
    case 'gt': return compareNumbers(actual, value, (a, b) => a > b);
    case 'gte': return compareNumbers(actual, value, (a, b) => a >= b);
    case 'regex': return typeof actual === 'string' && typeof value === 'string' && re2ToJs(value).test(actual);
    case 'contains':
      if (typeof actual === 'string') return typeof value === 'string' && actual.includes(value);
      return Array.isArray(actual) && actual.some((item) => equal(item, value));
  }
}

/** Go's conv.ToFloat64 accepts numbers only; strings never compare as numbers. */
function compareNumbers(actual: unknown, expected: unknown, test: (a: number, b: number) => boolean): boolean {
  return typeof actual === 'number' && typeof expected === 'number' && test(actual, expected);
}

/** Numbers compare as numbers, anything else by its printed form (Go's %v). */
function equal(actual: unknown, expected: unknown): boolean {
  if (typeof actual === 'number' && typeof expected === 'number') return actual === expected;
  return String(actual) === String(expected);
}

function resolveArgs(args: Record<string, unknown>, path: string): { exists: boolean; value?: unknown } {
  let current: unknown = args;
  for (const part of path.split('.')) {
    if (!current || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, part)) return { exists: false };
    current = (current as Record<string, unknown>)[part];
  }
  return { exists: true, value: current };
}

/** A counter nobody has touched reads 0, as Intercept's stores answer. */
function resolveState(state: EvaluationState, path: string): { exists: boolean; value?: unknown } {
  const [, scope, counter] = splitState(path);
  const stored = state.counters.get(`${scope}.${counter}`);
  return { exists: true, value: stored ? counterValue(state, `${scope}.${counter}`, stored.window) : 0 };
}

function counterLimit(rule: InterceptRule, counterPath: string): number | null {
  for (const condition of rule.conditions ?? []) {
    if (condition.path !== counterPath || typeof condition.value !== 'number') continue;
    if (condition.op === 'lte') return Math.trunc(condition.value);
    if (condition.op === 'lt') return Math.trunc(condition.value) - 1;
  }
  return null;
}

function increment(rule: InterceptRule, call: ToolCall): number | null {
  if (!rule.state?.increment_from) return rule.state?.increment || 1;
  const resolved = resolveArgs(call.arguments, rule.state.increment_from.slice(5));
  return resolved.exists && typeof resolved.value === 'number' ? Math.trunc(resolved.value) : null;
}

/** Calendar windows in UTC, as Intercept's stores align them. */
function windowStart(now: Date, window: Window): number {
  const t = new Date(now.getTime());
  if (window === 'day') t.setUTCHours(0, 0, 0, 0);
  else if (window === 'hour') t.setUTCMinutes(0, 0, 0);
  else t.setUTCSeconds(0, 0);
  return t.getTime();
}

function counterValue(state: EvaluationState, key: string, window: Window): number {
  const stored = state.counters.get(key);
  return stored && stored.windowStart === windowStart(state.now, window) ? stored.value : 0;
}

function addToCounter(state: EvaluationState, key: string, window: Window, amount: number): void {
  const start = windowStart(state.now, window);
  const stored = state.counters.get(key);
  const value = stored && stored.windowStart === start ? stored.value : 0;
  state.counters.set(key, { window, windowStart: start, value: value + amount });
}

function allow(reason: string): Decision {
  return { decision: 'allow', reason };
}

function deny(reason: string): Decision {
  return { decision: 'deny', reason };
}

/**
 * Whether a Claude Code deny rule names this tool. The rule carries the server's name as the user
 * registered it, which the call does not: `mcp__<any server>__<tool>`, `mcp__<server>__*` and
 * `mcp__<server>` all match.
 */
function deniesTool(rule: string, callName: string): boolean {
  if (!rule.startsWith('mcp__')) return false;
  // The call carries the tool's own name; the rule carries it cleaned as Claude Code does.
  const toolName = claudeCodeToolName('', callName).slice('mcp____'.length);
  const rest = rule.slice(5);
  const separator = rest.indexOf('__');
  if (separator < 0) return true;
  const tool = rest.slice(separator + 2);
  return tool === '*' || tool === toolName || rest.endsWith(`__${toolName}`);
}
