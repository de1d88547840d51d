import type { Classification } from '../model/classification.ts';
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
  op: 'regex' | 'lte' | 'in';
  value: string | number | string[];
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

const ARG_PATTERNS = {
  path: /^(path|paths|file|filename|file_path|filepath|dir|directory|source|destination|target|src|dest)$/i,
  url: /^(url|urls|uri|href|endpoint|link|website)$/i,
  sql: /^(sql|query|statement|stmt)$/i,
  amount: /^(amount|amount_cents|value|price|total|quantity)$/i,
};

export function interceptPolicy(serverName: string, tools: InterceptTool[]): InterceptPolicy {
  const hide: string[] = [];
  const entries: Record<string, { rules: InterceptRule[] }> = {};
  for (const tool of [...tools].sort((a, b) => compare(a.name, b.name))) {
    if (tool.classification.risk === 'critical') hide.push(tool.name);
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

function rulesFor(tool: InterceptTool): InterceptRule[] {
  const { classification, name } = tool;
  const rules: InterceptRule[] = [];
  const params = paramNames(tool.inputSchema);
  const tags = new Set(classification.tags);
  const rules_ = new Set(classification.rules);
  if (tags.has('filesystem') && classification.risk !== 'low') {
    for (const arg of pick(params, ARG_PATTERNS.path, 'path')) {
      rules.push({ name: `${arg} under the project`, conditions: [{ path: `args.${arg}`, op: 'regex', value: `^${escape(PLACEHOLDERS.pathPrefix)}([^.]|\\.[^.])*$` }], on_deny: `${arg} must stay under ${PLACEHOLDERS.pathPrefix} without ".." segments` });
    }
  }
  if (rules_.has('fetchesArbitraryUrl') || rules_.has('drivesBrowser') || rules_.has('forwardsEventsToUrl')) {
    for (const arg of pick(params, ARG_PATTERNS.url, 'url')) {
      const hosts = PLACEHOLDERS.hosts.map(escape).join('|');
      rules.push({ name: `${arg} on allowed hosts`, conditions: [{ path: `args.${arg}`, op: 'regex', value: `^https://(${hosts})(/|$)` }], on_deny: `only ${PLACEHOLDERS.hosts.join(', ')} may be reached` });
    }
  }
  if (rules_.has('runsSqlQuery')) {
    for (const arg of pick(params, ARG_PATTERNS.sql, 'query')) {
      rules.push({ name: `${arg} is one read-only SELECT`, conditions: [{ path: `args.${arg}`, op: 'regex', value: '^\\s*(?i:select)\\s[^;]*;?\\s*$' }], on_deny: 'only a single SELECT statement is allowed' });
    }
  }
  if (tags.has('payments') && (classification.category === 'financial')) {
    for (const arg of pick(params, ARG_PATTERNS.amount, 'amount')) {
      rules.push({ name: `${arg} per call`, conditions: [{ path: `args.${arg}`, op: 'lte', value: PLACEHOLDERS.amountCap }], on_deny: `${arg} above ${PLACEHOLDERS.amountCap} needs a human` });
      rules.push({ name: `${arg} per day`, conditions: [{ path: `state.${name}.daily_${arg}`, op: 'lte', value: PLACEHOLDERS.dailyAmountCap }], on_deny: `daily ${arg} cap reached`, state: { counter: `daily_${arg}`, window: 'day', increment_from: `args.${arg}` } });
    }
  }
  const perMinute = classification.risk === 'medium' ? RATE_PER_MINUTE.medium : classification.risk === 'low' ? null : RATE_PER_MINUTE.high;
  if (perMinute) rules.push({ name: `${name} rate`, rate_limit: `${perMinute}/minute` });
  return rules;
}

function paramNames(schema: Record<string, unknown> | null | undefined): string[] {
  const properties = schema?.properties;
  return properties && typeof properties === 'object' ? Object.keys(properties).sort(compare) : [];
}

/** The schema's matching parameters; without a schema, the conventional name (the user checks it). */
function pick(params: string[], pattern: RegExp, fallback: string): string[] {
  if (params.length === 0) return [fallback];
  return params.filter((param) => pattern.test(param));
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
  out.push('tools:');
  for (const [name, entry] of Object.entries(policy.tools)) {
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
      lines.push(`          - path: ${q(c.path)}`, `            op: ${q(c.op)}`, `            value: ${typeof c.value === 'number' ? c.value : Array.isArray(c.value) ? `[${c.value.map(q).join(', ')}]` : q(c.value)}`);
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
