import fc from 'fast-check';
import { parse as parseYamlPackage } from 'yaml';
import { parse as parseSmolToml } from 'smol-toml';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { RISKS, type Classification, type Risk } from '../../crawler/model/classification.ts';
import type { Tool } from '../../crawler/model/tool.ts';
import { argumentChecks, evaluateCall, PATTERNS, PLACEHOLDERS, serverPolicies } from '../../crawler/policy/index.ts';
import { classified, tool } from './fixtures.ts';
import { gatewayDecision, type Call, type Format } from './gateway.ts';
import { startPythonParsers, type ParserKind, type PythonParsers } from './python-parsers.ts';

/**
 * A server author chooses every tool and parameter name. For arbitrary Unicode names and
 * descriptions, with fragments that mean something to YAML, TOML or a gateway mixed in, each
 * format's text read by two parsers written apart (ours and Python's: libyaml, tomllib, json)
 * holds exactly the intended tools, rules, limits and hides, and our evaluator decides every call
 * as a gateway reading either parse would.
 *
 * The intent is computed here from the classifications and the documented rules (docs/policies.md),
 * not by the emitter; which parameters get an argument rule is the classifier's choice
 * (argumentChecks, tested in formats.test.ts), taken as given.
 */
const SEED = Number(process.env.MCP_RISK_POLICY_SEED ?? 90210);
const RUNS = Number(process.env.MCP_RISK_POLICY_RUNS ?? 120);

const FORMATS: Format[] = ['policy-json', 'intercept-yaml', 'claude-code', 'codex'];
const PARSER: Record<Format, ParserKind> = { 'policy-json': 'json', 'intercept-yaml': 'yaml', 'claude-code': 'json', codex: 'toml' };
const FRAGMENTS = ['\n', '\r', '\u2028', '\u2029', '\u0085', '"', ': ', '#', '- ', '*', '&a', '!!', '{', '[', '\t', '__proto__', '\ud800', '\udc00', '\u007f', '\u009b', '\ufeff', '\uffff', '.', ' ', '\\', "'"];
const NAMES = ['exec', 'EXEC', 'Exec', 'ｅｘｅｃ', 'exec\u200b', 'read_file', 'read.file', 'read file', 'constructor', 'toString', '__proto__', '*', '', ' ', 'ß', 'SS', 'ss'];
const KIND_WORDS = ['path', 'file_path', 'url', 'targetUrl', 'sql', 'query', 'amount', 'unit_amount', 'content'];

const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 4 });
const piece = fc.oneof(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...NAMES), fc.string({ unit: 'binary', maxLength: 4 }), codeUnits);
const crawledText = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 3, arbitrary: fc.array(piece, { maxLength: 5 }).map((parts) => parts.join('')) },
);
/** Tool names: often from a set a normalizing gateway could confuse, so that groups and duplicates occur. */
const CONFUSABLE = ['exec', 'EXEC', 'Exec', 'ｅｘｅｃ', 'exec\u200b', 'exec\ud800', 'e\u0301xec', 'éxec', 'ß', 'SS', 'ss', 'ǅ', 'ǆ'];
const toolName = fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...CONFUSABLE) }, { weight: 2, arbitrary: crawledText });
const parameterName = fc.oneof(
  fc.constantFrom(...KIND_WORDS),
  fc.tuple(crawledText, fc.constantFrom('_', '.', ''), fc.constantFrom(...KIND_WORDS)).map((parts) => parts.join('')),
  crawledText,
);

const classification = fc.record({
  risk: fc.constantFrom(...RISKS),
  category: fc.constantFrom('read', 'write', 'execute', 'network', 'financial') as fc.Arbitrary<Classification['category']>,
  tags: fc.subarray(['filesystem', 'payments', 'database'] as Classification['tags']),
  rules: fc.subarray(['fetchesArbitraryUrl', 'runsSqlQuery', 'drivesBrowser', 'writesFiles']),
}).map(({ risk, ...rest }) => classified(risk, rest));

const schema = fc.option(
  fc.array(fc.tuple(parameterName, fc.constantFrom('string', 'number', 'integer', 'array')), { maxLength: 4 }),
  { nil: null },
);

const serverTool = fc.record({ name: toolName, description: crawledText, params: schema, classification })
  .map(({ name, description, params, classification }) => {
    const properties = params === null ? null : Object.fromEntries(params.map(([param, type]) => [param, { type }]));
    const declared: Tool = { ...tool(name, properties, params?.map(([param]) => param) ?? []), description };
    return { tool: declared, classification };
  });

const server = fc.record({
  name: crawledText,
  tools: fc.array(serverTool, { maxLength: 6 }),
  strangers: fc.array(crawledText, { maxLength: 2 }),
});

type Server = { tool: Tool; classification: Classification }[];
type Json = Record<string, unknown>;

let python: PythonParsers;
beforeAll(() => { python = startPythonParsers(); });
afterAll(() => python.close());

describe('policies for hostile names, read by two parsers', () => {
  it('hold exactly the intended entries, and the evaluator decides as either reading', async () => {
    try {
      await fc.assert(fc.asyncProperty(server, async ({ name, tools, strangers }) => {
        const texts = serverPolicies(name, tools);
        const readings = await Promise.all(FORMATS.map(async (format) => {
          const ours = readWithOurParser(format, texts[format]);
          const theirs = await python.parse(PARSER[format], texts[format]);
          if (!theirs.ok) throw new Error(`python cannot read the ${format} text: ${theirs.error}\n${texts[format]}`);
          same(`${format}: python's reading against ours`, theirs.value, ours);
          return [format, ours] as const;
        }));
        const read = Object.fromEntries(readings) as Record<Format, Json>;
        const intent = intended(name, tools);
        same('policy-json against the intent', read['policy-json'], intent.policyJson);
        same('intercept-yaml against the intent', interceptProjection(read['intercept-yaml']), intent.intercept);
        same('claude-code against the intent', [...new Set((read['claude-code'].permissions as Json).deny as string[])].sort(), intent.claudeCode);
        same('codex against the intent', read.codex, intent.codex);

        const names = [...new Set([...tools.map((t) => t.tool.name), ...strangers, '*', '', 'constructor', '__proto__', 'toString'])];
        for (const format of FORMATS) {
          for (const toolName of names) {
            for (const call of [{ name: toolName, arguments: {} }, { name: toolName, arguments: passingArguments(read['intercept-yaml'], toolName) }]) {
              const expected = gatewayDecision(format, read[format], call);
              const decided = evaluateCall(format, texts[format], call).decision;
              same(`${format}: evaluateCall against the gateway's reading`, { call, decided }, { call, decided: expected });
            }
          }
        }
      }), { seed: SEED, numRuns: RUNS });
    } catch (error) {
      const cause = (error as Error).cause instanceof Error ? `\n\n${((error as Error).cause as Error).message}` : '';
      throw new Error(`policy property failed with seed ${SEED} (rerun: MCP_RISK_POLICY_SEED=${SEED} npx vitest run test/policy/property.test.ts)\n${(error as Error).message}${cause}`);
    }
  });
});

/** Throws a readable difference (JSON, so control characters and lone surrogates show as escapes). */
function same(what: string, actual: unknown, expected: unknown): void {
  const [a, e] = [JSON.stringify(canonical(actual)), JSON.stringify(canonical(expected))];
  if (a !== e) throw new Error(`${what} differs\n  expected: ${e}\n  actual:   ${a}`);
}

function readWithOurParser(format: Format, text: string): Json {
  switch (PARSER[format]) {
    case 'json': return JSON.parse(text) as Json;
    case 'yaml': return parseYamlPackage(text, { uniqueKeys: true, strict: true }) as Json;
    case 'toml': return parseSmolToml(text) as Json;
  }
}

/** Sorted keys, as nested entry lists, so that `__proto__` is compared like any other key. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.keys(value).sort().map((key) => [key, canonical((value as Json)[key])]);
  return value;
}

/** Names PolicyLayer's formats carry as themselves (docs/policies.md, "Names"), written as a pattern. */
function plain(name: string): boolean {
  return name !== '*' && name.trim() !== '' && /^[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u.test(name);
}

function wellFormed(text: string): boolean {
  return !/[\ud800-\udfff]/u.test(text);
}

/** NFKC_Casefold, approximately: what a normalizing gateway could take for the same name. */
function folded(name: string): string {
  return name.replace(/\p{Default_Ignorable_Code_Point}/gu, '').normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
}

const rank = (risk: Risk) => RISKS.indexOf(risk);

function intended(serverName: string, tools: Server) {
  const strictest = new Map<string, Risk>();
  for (const { tool: t, classification: c } of tools) {
    const key = folded(t.name);
    if (!strictest.has(key) || rank(c.risk) > rank(strictest.get(key)!)) strictest.set(key, c.risk);
  }
  const names = [...new Set(tools.map((t) => t.tool.name))];
  const riskOf = (name: string) => strictest.get(folded(name))!;
  const perMinute = (risk: Risk) => (risk === 'low' ? null : risk === 'medium' ? 30 : 10);

  const plainNames = names.filter(plain).sort();
  const hidden = plainNames.filter((name) => riskOf(name) === 'critical');
  const listed = plainNames.filter((name) => riskOf(name) !== 'critical');
  const policyJson: Json = { version: '1', default: 'deny' };
  if (hidden.length > 0) policyJson.hide = hidden;
  if (listed.length > 0) {
    policyJson.tools = Object.fromEntries(listed.map((name) => {
      const max = perMinute(riskOf(name));
      return [name, max === null ? {} : { limits: [{ counter: `${name}_rate`, window: 'minute', max, scope: 'grant' }] }];
    }));
  }

  const interceptTools = Object.fromEntries(plainNames.map((name) => {
    const risk = riskOf(name);
    const checks = tools.filter((t) => t.tool.name === name)
      .flatMap((t) => argumentChecks({ classification: { ...t.classification, risk }, inputSchema: t.tool.inputSchema }));
    const rules: Json[] = [];
    if (checks.some((check) => check.arg.includes('.') || !plain(check.arg))) rules.push({ action: 'deny' });
    const seen = new Set<string>();
    for (const { kind, arg } of checks) {
      if (arg.includes('.') || !plain(arg) || seen.has(`${kind}/${arg}`)) continue;
      seen.add(`${kind}/${arg}`);
      if (kind === 'amount') {
        rules.push({ conditions: [{ path: `args.${arg}`, op: 'lte', value: PLACEHOLDERS.amountCap }] });
        if (!name.includes('.')) {
          rules.push({ conditions: [{ path: `state.${name}.daily_${arg}`, op: 'lte', value: PLACEHOLDERS.dailyAmountCap }], state: { counter: `daily_${arg}`, window: 'day', increment_from: `args.${arg}` } });
        }
      } else {
        rules.push({ conditions: [{ path: `args.${arg}`, op: 'regex', value: PATTERNS[kind] }] });
      }
    }
    const max = perMinute(risk);
    if (max !== null && !name.includes('.')) rules.push({ rate_limit: `${max}/minute` });
    return [name, sortedRules(rules)];
  }));
  const intercept = { default: 'deny', hide: hidden, tools: interceptTools };

  const critical = names.filter((name) => riskOf(name) === 'critical');
  const claudeServer = serverName.replace(/[^A-Za-z0-9_-]/g, '_') || 'server';
  const claudeCode = [...new Set(critical.includes('')
    ? [`mcp__${claudeServer}`]
    : critical.map((name) => `mcp__${claudeServer}__${name.replace(/[^A-Za-z0-9_-]/g, '_')}`))].sort();

  const table: Json = critical.some((name) => !wellFormed(name)) ? { enabled: false } : {};
  table.disabled_tools = critical.filter(wellFormed).sort();
  const codex = { mcp_servers: { [serverName !== '' && wellFormed(serverName) ? serverName : 'server']: table } };
  return { policyJson, intercept, claudeCode, codex };
}

/** What Intercept acts on: hide, default, and per tool its rules without their names and messages. */
function interceptProjection(policy: Json): Json {
  const tools = (policy.tools ?? {}) as Record<string, { rules: Json[] }>;
  return {
    default: policy.default,
    hide: policy.hide ?? [],
    tools: Object.fromEntries(Object.keys(tools).map((name) => [name, sortedRules(tools[name].rules.map((rule) => {
      const { name: _name, on_deny: _message, ...acted } = rule;
      return acted;
    }))])),
  };
}

function sortedRules(rules: Json[]): Json[] {
  return [...rules].sort((a, b) => JSON.stringify(canonical(a)).localeCompare(JSON.stringify(canonical(b))));
}

/** Arguments that pass every condition the Intercept reading puts on this tool (nested as Intercept reads paths). */
function passingArguments(policy: Json, name: string): Record<string, unknown> {
  const tools = (policy.tools ?? {}) as Record<string, { rules: { conditions?: { path: string; op: string; value: unknown }[] }[] }>;
  if (!Object.hasOwn(tools, name)) return {};
  const args: Record<string, unknown> = Object.create(null);
  for (const rule of tools[name].rules) {
    for (const { path, op, value } of rule.conditions ?? []) {
      if (!path.startsWith('args.')) continue;
      const sample = op === 'lte' ? 1
        : value === PATTERNS.path ? `${PLACEHOLDERS.pathPrefix}src/index.ts`
        : value === PATTERNS.url ? `https://${PLACEHOLDERS.hosts[0]}/guide`
        : 'SELECT id FROM users';
      const parts = path.slice('args.'.length).split('.');
      let target = args;
      for (const part of parts.slice(0, -1)) {
        if (!Object.hasOwn(target, part)) target[part] = Object.create(null);
        target = target[part] as Record<string, unknown>;
      }
      target[parts[parts.length - 1]] = sample;
    }
  }
  return args;
}
