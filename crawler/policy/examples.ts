import type { Classification } from '../model/classification.ts';
import type { Tool } from '../model/tool.ts';
import { evaluateCall, evaluationState, type Decision, type ToolCall } from './evaluate.ts';
import { POLICY_FORMATS, type ClassifiedToolDefinition, type PolicyFormat } from './formats.ts';
import { canCount, PLACEHOLDERS, ratePerMinute } from './intercept.ts';
import { isPlainName, isWellFormed } from './names.ts';
import { parameters, type ArgumentCheck, type ArgumentKind, type Parameter } from './params.ts';
import { plannedTool, type PlannedTool } from './plan.ts';

/**
 * A call a tool's policy allows or denies. `priorCalls` says how many identical calls were made
 * earlier in the same window (each counted when allowed): the 31st call in a minute is `priorCalls: 30`.
 */
export interface PolicyExample {
  format: PolicyFormat;
  call: ToolCall;
  decision: 'allow' | 'deny';
  reason: string;
  priorCalls?: number;
}

/** Values that pass the argument rules; amounts stay small so rate examples never meet the daily cap. */
const ALLOWED: Record<ArgumentKind, unknown> = {
  path: `${PLACEHOLDERS.pathPrefix}src/index.ts`,
  url: `https://${PLACEHOLDERS.hosts[0]}/guide`,
  sql: 'SELECT id, name FROM users LIMIT 10',
  amount: 100,
};

/** Values each argument rule must refuse, and why. */
const REFUSED: Record<Exclude<ArgumentKind, 'amount'>, { value: string; why: string }[]> = {
  path: [
    { value: '../../etc/passwd', why: 'a relative path outside the prefix' },
    { value: `${PLACEHOLDERS.pathPrefix}../../etc/passwd`, why: 'starts under the prefix but climbs out with ".."' },
  ],
  url: [
    { value: 'http://169.254.169.254/latest/meta-data/', why: 'a host not on the allow-list (cloud metadata)' },
    { value: `https://${PLACEHOLDERS.hosts[0]}.attacker.test/`, why: 'an allowed host name used as a prefix of another domain' },
  ],
  sql: [
    { value: 'SELECT 1; DROP TABLE users', why: 'a second statement after the SELECT' },
    { value: 'DELETE FROM users', why: 'not a SELECT' },
  ],
};

/**
 * Example calls for every format, in POLICY_FORMATS order; each decision is what evaluateCall returns
 * for the tool's policy (`toolPolicies` with the same namesakes).
 */
export function policyExamples(tool: Tool, classification: Classification, namesakes: ClassifiedToolDefinition[] = []): PolicyExample[] {
  const planned = plannedTool(tool, classification, namesakes);
  const call: ToolCall = { name: tool.name, arguments: allowedArguments(parameters(tool.inputSchema), planned.checks) };
  return POLICY_FORMATS.flatMap((format) => examplesFor(format, planned, call));
}

/** Why PolicyLayer's formats leave a tool out; fixed text, the name is the server author's. */
const LEFT_OUT = 'its name cannot be written as itself in this format (empty, blank, "*", control characters, line separators or unpaired surrogates), so it is left out and default deny refuses it';

function examplesFor(format: PolicyFormat, tool: PlannedTool, call: ToolCall): PolicyExample[] {
  const { name, risk, checks } = tool;
  const critical = risk === 'critical';
  switch (format) {
    case 'policy-json': {
      if (!isPlainName(name)) return [{ format, call, decision: 'deny', reason: LEFT_OUT }];
      if (critical) return [{ format, call, decision: 'deny', reason: `${name} is hidden: agents do not see it and any call is denied` }];
      const max = ratePerMinute(risk);
      if (max === null) return [{ format, call, decision: 'allow', reason: `${name} is listed with no limits` }];
      return [
        { format, call, decision: 'allow', reason: `the first call in a minute is within ${max} calls a minute` },
        { format, call, decision: 'deny', reason: `call ${max + 1} in the same minute passes the limit of ${max}`, priorCalls: max },
      ];
    }
    case 'intercept-yaml': {
      if (!isPlainName(name)) return [{ format, call, decision: 'deny', reason: LEFT_OUT }];
      if (critical) return [{ format, call, decision: 'deny', reason: `${name} is in hide: listed rules only apply once you remove it from hide` }];
      if (tool.unwritableArgument) return [{ format, call, decision: 'deny', reason: 'an argument rule could not be written (a parameter name holds a dot or characters a policy cannot carry), so the tool is denied until you write it by hand' }];
      const perMinute = ratePerMinute(risk);
      const examples: PolicyExample[] = [{ format, call, decision: 'allow', reason: checks.length > 0 ? `every argument passes its rule (${checks.map((c) => c.arg).join(', ')})` : `${name} is listed${perMinute ? ' and within its rate limit' : ' with no rules'}` }];
      for (const check of checks) examples.push(...refusals(format, call, check));
      if (perMinute && canCount(name)) examples.push({ format, call, decision: 'deny', reason: `call ${perMinute + 1} in the same minute passes rate_limit ${perMinute}/minute`, priorCalls: perMinute });
      return examples;
    }
    case 'claude-code':
    case 'codex': {
      const where = format === 'claude-code' ? 'permissions.deny' : 'disabled_tools';
      if (!critical) return [{ format, call, decision: 'allow', reason: `${name} is not in ${where}; the client's own approval prompts still apply` }];
      if (format === 'claude-code' && name === '') return [{ format, call, decision: 'deny', reason: 'an empty tool name has no rule of its own, so the rule denies the whole server' }];
      if (format === 'codex' && !isWellFormed(name)) return [{ format, call, decision: 'deny', reason: 'TOML cannot write this name, so the server is switched off (enabled = false)' }];
      return [{ format, call, decision: 'deny', reason: `${name} is listed in ${where}` }];
    }
  }
}

function refusals(format: PolicyFormat, call: ToolCall, check: ArgumentCheck): PolicyExample[] {
  const withArg = (value: unknown): ToolCall => ({ name: call.name, arguments: { ...call.arguments, [check.arg]: value } });
  if (check.kind === 'amount') {
    const perCall = PLACEHOLDERS.amountCap * 2;
    const examples: PolicyExample[] = [{ format, call: withArg(perCall), decision: 'deny', reason: `${check.arg} ${perCall} is above the per-call cap of ${PLACEHOLDERS.amountCap}` }];
    if (canCount(call.name)) {
      const each = PLACEHOLDERS.amountCap - 1000;
      const prior = Math.floor(PLACEHOLDERS.dailyAmountCap / each);
      examples.push({ format, call: withArg(each), decision: 'deny', reason: `after ${prior} calls of ${each} today, one more passes the daily cap of ${PLACEHOLDERS.dailyAmountCap}`, priorCalls: prior });
    }
    return examples;
  }
  return REFUSED[check.kind].map(({ value, why }) => ({ format, call: withArg(value), decision: 'deny' as const, reason: `${check.arg} "${value}" is ${why}` }));
}

/**
 * Required parameters with plausible values, plus every checked argument with a value its rule
 * allows. Built from entries, so a parameter named `__proto__` stays an argument.
 */
function allowedArguments(params: Parameter[] | null, checks: ArgumentCheck[]): Record<string, unknown> {
  const args = new Map<string, unknown>();
  for (const param of params ?? []) if (param.required) args.set(param.name, sample(param));
  for (const check of checks) args.set(check.arg, ALLOWED[check.kind]);
  return Object.fromEntries(args);
}

function sample(param: Parameter): unknown {
  if (param.enum && param.enum.length > 0) return param.enum[0];
  switch (param.type) {
    case 'integer':
    case 'number': return 1;
    case 'boolean': return false;
    case 'array': return [];
    case 'object': return {};
    default: return 'example';
  }
}

/** Replays an example against a policy text: its prior calls, then the call itself. */
export function replayExample(example: PolicyExample, policyText: string): Decision {
  const state = evaluationState();
  for (let i = 0; i < (example.priorCalls ?? 0); i += 1) evaluateCall(example.format, policyText, example.call, state);
  return evaluateCall(example.format, policyText, example.call, state);
}
