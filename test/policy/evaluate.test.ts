import { describe, expect, it } from 'vitest';
import { evaluateCall, evaluationState } from '../../crawler/policy/index.ts';

const call = (name: string, args: Record<string, unknown> = {}) => ({ name, arguments: args });

describe('evaluateCall on policy.json', () => {
  const policy = JSON.stringify({
    version: '1', default: 'deny', hide: ['drop_table'],
    tools: { list: {}, write: { limits: [{ counter: 'write_rate', window: 'minute', max: 2, scope: 'grant' }] } },
  });

  it('denies hidden and unlisted tools and allows listed ones', () => {
    expect(evaluateCall('policy-json', policy, call('drop_table')).decision).toBe('deny');
    expect(evaluateCall('policy-json', policy, call('other')).decision).toBe('deny');
    expect(evaluateCall('policy-json', policy, call('list')).decision).toBe('allow');
  });

  it('counts calls per window and starts again in the next minute', () => {
    const state = evaluationState(new Date('2025-01-01T12:00:10Z'));
    expect([1, 2, 3].map(() => evaluateCall('policy-json', policy, call('write'), state).decision)).toEqual(['allow', 'allow', 'deny']);
    state.now = new Date('2025-01-01T12:01:00Z');
    expect(evaluateCall('policy-json', policy, call('write'), state).decision).toBe('allow');
  });

  it('lets default allow through and applies all_tools limits to every call', () => {
    const open = JSON.stringify({ version: '1', default: 'allow', all_tools: { limits: [{ counter: 'all', window: 'hour', max: 1, scope: 'grant' }] } });
    const state = evaluationState();
    expect(evaluateCall('policy-json', open, call('a'), state).decision).toBe('allow');
    expect(evaluateCall('policy-json', open, call('b'), state).decision).toBe('deny');
  });

  it('refuses to guess what require or deny_if conditions do', () => {
    const guarded = JSON.stringify({ version: '1', default: 'deny', tools: { refund: { deny_if: ['args.amount > 10000'] } } });
    expect(() => evaluateCall('policy-json', guarded, call('refund'))).toThrow(/no published syntax/);
  });
});

describe('evaluateCall on Intercept YAML', () => {
  const yaml = [
    'version: "1"',
    'default: deny',
    'hide:',
    '  - "secret_tool"',
    'tools:',
    '  "pay":',
    '    rules:',
    '      - name: "cap"',
    '        conditions:',
    '          - path: "args.amount"',
    '            op: "lte"',
    '            value: 100',
    '          - path: "args.currency"',
    '            op: "in"',
    '            value: ["usd", "eur"]',
    '      - name: "daily"',
    '        conditions:',
    '          - path: "state.pay.spent"',
    '            op: "lte"',
    '            value: 150',
    '        state:',
    '          counter: "spent"',
    '          window: "day"',
    '          increment_from: "args.amount"',
    '  "delete_all":',
    '    rules:',
    '      - name: "never"',
    '        action: deny',
    '        on_deny: "not from an agent"',
    '  "search":',
    '    rules:',
    '      - name: "no secrets"',
    '        conditions:',
    '          - path: "args.q"',
    '            op: "regex"',
    '            value: "(?i)^[^$]*$"',
    '          - path: "args.tags"',
    '            op: "contains"',
    '            value: "public"',
    '          - path: "args.debug"',
    '            op: "exists"',
    '            value: false',
    '  "*":',
    '    rules:',
    '      - name: "global"',
    '        rate_limit: 3/minute',
    '',
  ].join('\n');

  it('denies hidden tools, unlisted tools and deny rules', () => {
    expect(evaluateCall('intercept-yaml', yaml, call('secret_tool')).decision).toBe('deny');
    expect(evaluateCall('intercept-yaml', yaml, call('unlisted')).decision).toBe('deny');
    expect(evaluateCall('intercept-yaml', yaml, call('delete_all'))).toEqual({ decision: 'deny', reason: 'rule "never" denies every call: not from an agent' });
  });

  it('needs every condition, and a missing argument fails its condition', () => {
    expect(evaluateCall('intercept-yaml', yaml, call('pay', { amount: 50, currency: 'usd' })).decision).toBe('allow');
    expect(evaluateCall('intercept-yaml', yaml, call('pay', { amount: 150, currency: 'usd' })).decision).toBe('deny');
    expect(evaluateCall('intercept-yaml', yaml, call('pay', { amount: 50, currency: 'gbp' })).decision).toBe('deny');
    expect(evaluateCall('intercept-yaml', yaml, call('pay', { currency: 'usd' })).decision).toBe('deny');
    expect(evaluateCall('intercept-yaml', yaml, call('pay', { amount: '50', currency: 'usd' })).decision).toBe('deny');
  });

  it('adds increment_from amounts to a daily counter', () => {
    const state = evaluationState();
    const pay = (amount: number) => evaluateCall('intercept-yaml', yaml, call('pay', { amount, currency: 'eur' }), state).decision;
    expect([pay(100), pay(60), pay(50)]).toEqual(['allow', 'deny', 'allow']);
  });

  it('applies "*" rules after the tool\'s own, with one global counter', () => {
    const state = evaluationState();
    const ok = () => evaluateCall('intercept-yaml', yaml, call('search', { q: 'cats', tags: ['public'] }), state).decision;
    expect([ok(), ok(), ok(), ok()]).toEqual(['allow', 'allow', 'allow', 'deny']);
  });

  it('evaluates regex, contains and exists as Intercept does', () => {
    const search = (args: Record<string, unknown>) => evaluateCall('intercept-yaml', yaml, call('search', args)).decision;
    expect(search({ q: 'cats', tags: ['public'] })).toBe('allow');
    expect(search({ q: '$HOME', tags: ['public'] })).toBe('deny');
    expect(search({ q: 'cats', tags: ['private'] })).toBe('deny');
    expect(search({ q: 'cats', tags: ['public'], debug: true })).toBe('deny');
    expect(search({ q: 42, tags: ['public'] })).toBe('deny');
  });

  it('allows unlisted tools under default allow', () => {
    expect(evaluateCall('intercept-yaml', 'version: "1"\ndefault: allow\n', call('anything')).decision).toBe('allow');
  });
});

describe('evaluateCall on client settings', () => {
  it('denies what Claude Code permissions.deny names, whatever the server is called', () => {
    const text = JSON.stringify({ permissions: { deny: ['mcp__files__write_file', 'mcp__shell'] } });
    expect(evaluateCall('claude-code', text, call('write_file')).decision).toBe('deny');
    expect(evaluateCall('claude-code', text, call('read_file')).decision).toBe('deny');
    expect(evaluateCall('claude-code', JSON.stringify({ permissions: { deny: ['mcp__files__write_file'] } }), call('read_file')).decision).toBe('allow');
  });

  it('denies what Codex disabled_tools lists', () => {
    const text = '[mcp_servers.files]\ndisabled_tools = ["write_file"]\n';
    expect(evaluateCall('codex', text, call('write_file')).decision).toBe('deny');
    expect(evaluateCall('codex', text, call('read_file')).decision).toBe('allow');
  });
});
