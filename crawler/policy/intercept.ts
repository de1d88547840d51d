import type { Classification } from '../model/classification.ts';
import { argumentsOfKind, parameters, type ArgumentKind } from './params.ts';
import { compare, RATE_PER_MINUTE } from './policy-json.ts';

/**
 * PolicyLayer's open-source Intercept YAML (github PolicyLayer/Intercept POLICY.md): the format
 * whose condition syntax is published, so argument-level rules go here. Conditions must all pass
 * for a call to be allowed; regexes are RE2 (Go), so no look-arounds.
 */
export interface InterceptTool {
  name: string;
  classification: Classification;
  inputSchema?: Record<string, unknown> | null;
}

export interface InterceptCondition {
  path: string;
  op: 'regex' | 'lte';
  value: string | number;
}

export interface InterceptRule {
  name: string;
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

/** An argument a rule constrains, by kind. */
export interface ArgumentCheck {
  kind: ArgumentKind;
  arg: string;
}

export function interceptPolicy(serverName: string, tools: InterceptTool[]): InterceptPolicy {
  const hide: string[] = [];
  const entries: Record<string, { rules: InterceptRule[] }> = {};
  for (const tool of [...tools].sort((a, b) => compare(a.name, b.name))) {
    if (tool.classification.risk === 'critical' && !hide.includes(tool.name)) hide.push(tool.name);
    entries[tool.name] = { rules: rulesFor(tool) };
  }
  return {
    version: '1',
    description: `Recommended policy for ${serverName} (mcp-risk): default deny, argument checks, rate limits; critical tools hidden.`,
    default: 'deny',
    ...(hide.length > 0 ? { hide } : {}),
    tools: entries,
  };
}

/** Which arguments of this tool get a rule: file paths, URLs, SQL, amounts, by what the classifier found. */
export function argumentChecks(tool: InterceptTool): ArgumentCheck[] {
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

/** The RE2 patterns (Go), written so that JavaScript reads them the same way after `(?i)` becomes a flag. */
export const PATTERNS = {
  /** Under the prefix, and no ".." anywhere: a "." must be followed by something other than ".". */
  path: `^${escape(PLACEHOLDERS.pathPrefix)}([^.]|\\.[^.])*$`,
  url: `^https://(${PLACEHOLDERS.hosts.map(escape).join('|')})(/|$)`,
  sql: '(?i)^\\s*select\\s[^;]*;?\\s*$',
};

/**
 * Intercept's validator splits a state path at its first dots (`state.<tool>.<counter>`), so a tool
 * whose name holds a dot cannot carry a counter that validates.
 */
export function canCount(toolName: string): boolean {
  return !toolName.includes('.');
}

function rulesFor(tool: InterceptTool): InterceptRule[] {
  const { classification, name } = tool;
  const rules: InterceptRule[] = [];
  for (const { kind, arg } of argumentChecks(tool)) {
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
  const perMinute = ratePerMinute(classification);
  if (perMinute && canCount(name)) rules.push({ name: `${name} rate`, rate_limit: `${perMinute}/minute` });
  return rules;
}

/** Calls a minute the rate rule allows, or `null` for low-risk tools (no limit). */
export function ratePerMinute(classification: Classification): number | null {
  return classification.risk === 'low' ? null : classification.risk === 'medium' ? RATE_PER_MINUTE.medium : RATE_PER_MINUTE.high;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The YAML text; every string is JSON-quoted, which YAML reads as a double-quoted scalar. */
export function interceptYaml(serverName: string, tools: InterceptTool[]): string {
  const policy = interceptPolicy(serverName, tools);
  const out: string[] = [`version: "1"`, `description: ${q(policy.description)}`, `default: deny`];
  if (policy.hide) {
    out.push('# Hidden tools keep their rules below: removing a name from hide allows it under those rules.');
    out.push('hide:', ...policy.hide.map((name) => `  - ${q(name)}`));
  }
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  out.push(Object.keys(policy.tools).length === 0 ? 'tools: {}' : 'tools:');
  for (const [name, entry] of Object.entries(policy.tools)) {
    const tool = byName.get(name);
    if (!canCount(name) && tool && ratePerMinute(tool.classification) !== null) {
      out.push(`  # No rate limit: Intercept reads state.<tool>.<counter> up to the first dot, so ${name} cannot have a counter.`);
    }
    if (entry.rules.length === 0) {
      out.push(`  ${q(name)}:`, '    rules: []');
      continue;
    }
    out.push(`  ${q(name)}:`, '    rules:');
    for (const rule of entry.rules) out.push(...ruleYaml(rule));
  }
  return `${out.join('\n')}\n`;
}

function ruleYaml(rule: InterceptRule): string[] {
  const lines = [`      - name: ${q(rule.name)}`];
  if (rule.rate_limit) lines.push(`        rate_limit: ${rule.rate_limit}`);
  if (rule.conditions) {
    lines.push('        conditions:');
    for (const c of rule.conditions) {
      lines.push(`          - path: ${q(c.path)}`, `            op: ${q(c.op)}`, `            value: ${typeof c.value === 'number' ? c.value : q(c.value)}`);
    }
  }
  if (rule.on_deny) lines.push(`        on_deny: ${q(rule.on_deny)}`);
  if (rule.state) {
    lines.push('        state:', `          counter: ${q(rule.state.counter)}`, `          window: ${q(rule.state.window)}`);
    if (rule.state.increment_from) lines.push(`          increment_from: ${q(rule.state.increment_from)}`);
  }
  return lines;
}

function q(text: string): string {
  return JSON.stringify(text);
}
