import { z } from 'zod';
import { nameRecord } from './name-record.ts';
import { re2ToJs } from './regex.ts';

/** Intercept's operators (PolicyLayer/Intercept internal/config/validate.go). */
export const INTERCEPT_OPS = ['eq', 'neq', 'in', 'not_in', 'lt', 'lte', 'gt', 'gte', 'regex', 'contains', 'exists'] as const;
const Window = z.enum(['minute', 'hour', 'day']);

/** `{path, op, value}`: the path reads a call argument or a counter. */
export const InterceptCondition = z.object({
  path: z.string().regex(/^(args|state)\./, 'path must start with args. or state.'),
  op: z.enum(INTERCEPT_OPS),
  value: z.unknown(),
}).strict().superRefine((condition, context) => {
  const { op, value } = condition;
  if ((op === 'in' || op === 'not_in') && !Array.isArray(value)) context.addIssue({ code: 'custom', message: `operator ${op} requires a list value` });
  if (['lt', 'lte', 'gt', 'gte'].includes(op) && typeof value !== 'number') context.addIssue({ code: 'custom', message: `operator ${op} requires a numeric value` });
  if (op === 'exists' && typeof value !== 'boolean') context.addIssue({ code: 'custom', message: 'operator exists requires a boolean value' });
  if (op === 'regex') {
    if (typeof value !== 'string') context.addIssue({ code: 'custom', message: 'regex value must be a string' });
    else {
      try {
        re2ToJs(value);
      } catch (error) {
        context.addIssue({ code: 'custom', message: `invalid regex: ${(error as Error).message}` });
      }
    }
  }
});
export type InterceptCondition = z.infer<typeof InterceptCondition>;

export const InterceptState = z.object({
  counter: z.string().min(1),
  window: Window,
  increment: z.number().int().optional(),
  increment_from: z.string().regex(/^args\./, 'increment_from must start with args.').optional(),
}).strict();

export const InterceptRule = z.object({
  name: z.string().min(1),
  action: z.enum(['evaluate', 'deny']).optional(),
  rate_limit: z.string().regex(/^[1-9]\d*\/(minute|hour|day)$/, 'rate_limit must be N/minute, N/hour or N/day').optional(),
  conditions: z.array(InterceptCondition).optional(),
  on_deny: z.string().optional(),
  state: InterceptState.optional(),
}).strict().superRefine((rule, context) => {
  const conditions = rule.conditions ?? [];
  if (rule.rate_limit !== undefined) {
    if (conditions.length > 0 || rule.state) context.addIssue({ code: 'custom', message: 'rate_limit cannot be combined with conditions or state' });
    if (rule.action === 'deny') context.addIssue({ code: 'custom', message: 'rate_limit cannot be used with action deny' });
    return;
  }
  const action = rule.action ?? 'evaluate';
  if (action === 'deny' && conditions.length > 0) context.addIssue({ code: 'custom', message: 'deny rules must not have conditions' });
  if (action === 'evaluate' && conditions.length === 0) context.addIssue({ code: 'custom', message: 'evaluate rules must have at least one condition' });
});
export type InterceptRule = z.infer<typeof InterceptRule>;

/**
 * The Intercept policy file (PolicyLayer/Intercept POLICY.md and internal/config), with the checks
 * `intercept validate` makes across rules: unique hide entries, one state block per counter and
 * tool, and a state block behind every `state.<tool>.<counter>` condition.
 */
export const InterceptYaml = z.object({
  version: z.literal('1'),
  description: z.string().optional(),
  default: z.enum(['allow', 'deny']).optional(),
  // Intercept refuses a blank entry; the name itself is kept as written (a trimmed copy would be another name).
  hide: z.array(z.string().refine((name) => name.trim() !== '', 'hide: entry must not be blank')).optional(),
  tools: nameRecord(z.object({ rules: z.array(InterceptRule) }).strict()).optional(),
}).strict().superRefine((policy, context) => {
  const hide = policy.hide ?? [];
  if (new Set(hide).size !== hide.length) context.addIssue({ code: 'custom', message: 'hide: duplicate entry' });
  const tools = policy.tools ?? {};
  for (const [toolName, tool] of Object.entries(tools)) {
    const counters = tool.rules.flatMap((rule) => (rule.state ? [rule.state.counter] : []));
    if (new Set(counters).size !== counters.length) context.addIssue({ code: 'custom', message: `tools.${toolName}: duplicate state counter` });
    for (const rule of desugar(toolName, tool.rules)) {
      for (const condition of rule.conditions ?? []) {
        if (!condition.path.startsWith('state.')) continue;
        // Intercept splits at the first two dots: state.<tool>.<counter>.
        const [, scope, counter] = splitState(condition.path);
        if (counter === undefined) continue;
        const owner = Object.hasOwn(tools, scope) ? tools[scope] : scope === '_global' ? tools['*'] : undefined;
        const declared = owner ? desugar(scope === '_global' ? '*' : scope, owner.rules).some((r) => r.state?.counter === counter) : false;
        if (!declared) context.addIssue({ code: 'custom', message: `tools.${toolName}: ${condition.path} has no matching state block` });
      }
    }
  }
});
export type InterceptYaml = z.infer<typeof InterceptYaml>;

/** Intercept's load step: `rate_limit: N/window` becomes a counter rule on `state.<tool>._rate_<window>`. */
export function desugar(toolName: string, rules: InterceptRule[]): InterceptRule[] {
  return rules.map((rule) => {
    const match = rule.rate_limit ? /^(\d+)\/(minute|hour|day)$/.exec(rule.rate_limit) : null;
    if (!match || (rule.conditions?.length ?? 0) > 0 || rule.state || rule.action === 'deny') {
      return { ...rule, action: rule.action ?? 'evaluate', ...(rule.state ? { state: { ...rule.state, increment: rule.state.increment || 1 } } : {}) };
    }
    const [, count, window] = match;
    const scope = toolName === '*' ? '_global' : toolName;
    const counter = `_rate_${window}`;
    return {
      name: rule.name,
      action: 'evaluate',
      conditions: [{ path: `state.${scope}.${counter}`, op: 'lte', value: Number(count) }],
      on_deny: rule.on_deny || `Rate limit of ${count} per ${window} reached. Try again later.`,
      state: { counter, window: window as 'minute' | 'hour' | 'day', increment: 1 },
    };
  });
}

export function splitState(path: string): [string, string, string | undefined] {
  const first = path.indexOf('.');
  const second = path.indexOf('.', first + 1);
  if (second < 0) return ['state', path.slice(first + 1), undefined];
  return ['state', path.slice(first + 1, second), path.slice(second + 1)];
}
