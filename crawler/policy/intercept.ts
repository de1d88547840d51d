import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Risk } from '../model/classification.ts';
import { isPlainName } from './names.ts';
import { planTools, type PlannedTool, type PolicyTool } from './plan.ts';
import { RATE_PER_MINUTE } from './policy-json.ts';

/**
 * PolicyLayer's open-source Intercept YAML (github PolicyLayer/Intercept POLICY.md): the format
 * whose condition syntax is published, so argument-level rules go here. Conditions must all pass
 * for a call to be allowed; regexes are RE2 (Go), so no look-arounds.
 */
export type InterceptTool = PolicyTool;

export interface InterceptCondition {
  path: string;
  op: 'regex' | 'lte';
  value: string | number;
}

export interface InterceptRule {
  name: string;
  action?: 'deny';
  rate_limit?: string;
  conditions?: InterceptCondition[];
  on_deny?: string;
  state?: { counter: string; window: 'minute' | 'hour' | 'day'; increment_from?: string };
}

export interface InterceptPolicy {
  version: '1';
  description: string;
  default: 'deny';
  hide?: string[];
  tools: Record<string, { rules: InterceptRule[] }>;
}

/** Placeholders the user edits; named so that a copied policy fails closed, not open. */
export const PLACEHOLDERS = {
  pathPrefix: '/workspace/',
  hosts: ['docs.example.com'],
  amountCap: 10000,
  dailyAmountCap: 50000,
};

/** The RE2 patterns (Go), written so that JavaScript reads them the same way after `(?i)` becomes a flag. */
export const PATTERNS = {
  /** Under the prefix, and no ".." anywhere: a "." must be followed by something other than ".". */
  path: `^${escape(PLACEHOLDERS.pathPrefix)}([^.]|\\.[^.])*$`,
  url: `^https://(${PLACEHOLDERS.hosts.map(escape).join('|')})(/|$)`,
  sql: '(?i)^\\s*select\\s[^;]*;?\\s*$',
};

/**
 * The rule that stands for an argument rule we could not write: Intercept reads `args.a.b` as `b`
 * inside `a`, and some names cannot be written at all, so the tool is denied rather than let
 * through unchecked. Fixed text: the parameter's name is the server author's.
 */
export const UNWRITABLE_ARGUMENT_RULE: InterceptRule = {
  name: 'argument rule could not be written',
  action: 'deny',
  on_deny: 'mcp-risk could not write an argument rule for this tool: a parameter name holds a dot (a nested path to Intercept) or characters a policy cannot carry; write the rule by hand',
};

/** Comments of the YAML text; fixed text only, since names are the server author's. */
const COMMENTS = {
  hide: ' Hidden tools keep their rules below: removing a name from hide allows it under those rules.',
  uncounted: ' No rate limit: Intercept reads state.<tool>.<counter> up to the first dot, so a tool whose name holds a dot cannot have a counter.',
  leftOut: (count: number) => ` ${count} ${count === 1 ? 'tool is' : 'tools are'} left out, so default deny refuses ${count === 1 ? 'it' : 'them'}: `
    + 'a name that is empty, blank, "*" (the wildcard) or holds control characters, line separators or unpaired surrogates cannot be written as itself.',
};

export function interceptPolicy(serverName: string, tools: InterceptTool[]): InterceptPolicy {
  return interceptPlan(serverName, tools).policy;
}

/**
 * Intercept's validator splits a state path at its first dots (`state.<tool>.<counter>`), so a tool
 * whose name holds a dot cannot carry a counter that validates.
 */
export function canCount(toolName: string): boolean {
  return !toolName.includes('.');
}

/** Calls a minute the rate rule allows, or `null` for low-risk tools (no limit). */
export function ratePerMinute(risk: Risk): number | null {
  switch (risk) {
    case 'low': return null;
    case 'medium': return RATE_PER_MINUTE.medium;
    case 'high':
    case 'critical': return RATE_PER_MINUTE.high;
  }
}

interface InterceptPlan {
  policy: InterceptPolicy;
  /** Names left out because Intercept could not read them as themselves. */
  leftOut: number;
  /** Tools that should have a rate limit but cannot count (a dot in the name). */
  uncounted: Set<string>;
}

function interceptPlan(serverName: string, tools: InterceptTool[]): InterceptPlan {
  const hide: string[] = [];
  const entries: Record<string, { rules: InterceptRule[] }> = Object.create(null);
  const uncounted = new Set<string>();
  let leftOut = 0;
  for (const tool of planTools(tools)) {
    if (!isPlainName(tool.name)) {
      leftOut += 1;
      continue;
    }
    if (tool.risk === 'critical') hide.push(tool.name);
    if (!canCount(tool.name) && ratePerMinute(tool.risk) !== null) uncounted.add(tool.name);
    entries[tool.name] = { rules: rulesFor(tool) };
  }
  const server = isPlainName(serverName) ? serverName : 'this server';
  const policy: InterceptPolicy = {
    version: '1',
    description: `Recommended policy for ${server} (mcp-risk): default deny, argument checks, rate limits; critical tools hidden.`,
    default: 'deny',
    ...(hide.length > 0 ? { hide } : {}),
    tools: entries,
  };
  return { policy, leftOut, uncounted };
}

function rulesFor(tool: PlannedTool): InterceptRule[] {
  const { name } = tool;
  const rules: InterceptRule[] = tool.unwritableArgument ? [{ ...UNWRITABLE_ARGUMENT_RULE }] : [];
  for (const { kind, arg } of tool.checks) {
    switch (kind) {
      case 'path':
        rules.push({ name: `${arg} under the project`, conditions: [{ path: `args.${arg}`, op: 'regex', value: PATTERNS.path }], on_deny: `${arg} must stay under ${PLACEHOLDERS.pathPrefix} without ".." segments` });
        break;
      case 'url':
        rules.push({ name: `${arg} on allowed hosts`, conditions: [{ path: `args.${arg}`, op: 'regex', value: PATTERNS.url }], on_deny: `only https://${PLACEHOLDERS.hosts.join(', https://')} may be reached` });
        break;
      case 'sql':
        rules.push({ name: `${arg} is one read-only SELECT`, conditions: [{ path: `args.${arg}`, op: 'regex', value: PATTERNS.sql }], on_deny: 'only a single SELECT statement is allowed' });
        break;
      case 'amount':
        rules.push({ name: `${arg} per call`, conditions: [{ path: `args.${arg}`, op: 'lte', value: PLACEHOLDERS.amountCap }], on_deny: `${arg} above ${PLACEHOLDERS.amountCap} needs a human` });
        if (canCount(name)) {
          rules.push({ name: `${arg} per day`, conditions: [{ path: `state.${name}.daily_${arg}`, op: 'lte', value: PLACEHOLDERS.dailyAmountCap }], on_deny: `daily ${arg} cap of ${PLACEHOLDERS.dailyAmountCap} reached`, state: { counter: `daily_${arg}`, window: 'day', increment_from: `args.${arg}` } });
        }
        break;
    }
  }
  const perMinute = ratePerMinute(tool.risk);
  if (perMinute && canCount(name)) rules.push({ name: `${name} rate`, rate_limit: `${perMinute}/minute` });
  return rules;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The YAML text, built as a document by the `yaml` library: every string from the crawl (names,
 * rule names and messages, paths) is a double-quoted scalar the library escapes; comments are
 * fixed text; lines are never folded.
 */
export function interceptYaml(serverName: string, tools: InterceptTool[]): string {
  const { policy, leftOut, uncounted } = interceptPlan(serverName, tools);
  const root = new YAMLMap();
  root.items.push(new Pair(plain('version'), quoted(policy.version)), new Pair(plain('description'), quoted(policy.description)), new Pair(plain('default'), plain(policy.default)));
  if (policy.hide) root.items.push(new Pair(plain('hide', COMMENTS.hide), sequence(policy.hide.map(quoted))));
  const toolMap = new YAMLMap();
  for (const [name, entry] of Object.entries(policy.tools)) {
    const key = quoted(name);
    if (uncounted.has(name)) key.commentBefore = COMMENTS.uncounted;
    toolMap.items.push(new Pair(key, mapping([['rules', sequence(entry.rules.map(ruleNode))]])));
  }
  root.items.push(new Pair(plain('tools', leftOut > 0 ? COMMENTS.leftOut(leftOut) : undefined), toolMap));
  const document = new Document();
  document.contents = root;
  return document.toString({ lineWidth: 0, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER });
}

/** A rule's keys in the order POLICY.md shows them; fixed words plain, everything else quoted. */
function ruleNode(rule: InterceptRule): YAMLMap {
  const entries: [string, Scalar | YAMLMap | YAMLSeq][] = [['name', quoted(rule.name)]];
  if (rule.action) entries.push(['action', plain(rule.action)]);
  if (rule.rate_limit) entries.push(['rate_limit', plain(rule.rate_limit)]);
  if (rule.conditions) {
    entries.push(['conditions', sequence(rule.conditions.map((c) => mapping([
      ['path', quoted(c.path)], ['op', quoted(c.op)], ['value', typeof c.value === 'number' ? plain(c.value) : quoted(c.value)],
    ])))]);
  }
  if (rule.on_deny) entries.push(['on_deny', quoted(rule.on_deny)]);
  if (rule.state) {
    const state: [string, Scalar][] = [['counter', quoted(rule.state.counter)], ['window', quoted(rule.state.window)]];
    if (rule.state.increment_from) state.push(['increment_from', quoted(rule.state.increment_from)]);
    entries.push(['state', mapping(state)]);
  }
  return mapping(entries);
}

/** A mapping whose keys are the format's own words. */
function mapping(entries: [string, Scalar | YAMLMap | YAMLSeq][]): YAMLMap {
  const map = new YAMLMap();
  for (const [key, value] of entries) map.items.push(new Pair(plain(key), value));
  return map;
}

function sequence(items: (Scalar | YAMLMap)[]): YAMLSeq {
  const seq = new YAMLSeq();
  seq.items.push(...items);
  return seq;
}

function quoted(text: string): Scalar {
  const scalar = new Scalar(text);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

/** Fixed words and numbers only; `comment` goes on the line before. */
function plain(value: string | number, comment?: string): Scalar {
  const scalar = new Scalar(value);
  scalar.type = Scalar.PLAIN;
  if (comment) scalar.commentBefore = comment;
  return scalar;
}
