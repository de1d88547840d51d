import { describe, expect, it } from 'vitest';
import {
  ClaudeCodeSettings, CodexConfig, InterceptYaml, POLICY_FORMATS, interceptPolicy, readPolicy, readToml, readYaml,
  serverPolicies, toolPolicies,
} from '../../crawler/policy/index.ts';
import { CASES, classified, tool } from './fixtures.ts';

describe('toolPolicies', () => {
  it.each(CASES)('gives $label a valid text in every format', ({ tool, classification }) => {
    const texts = toolPolicies(tool, classification);
    expect(Object.keys(texts)).toEqual([...POLICY_FORMATS]);
    for (const format of POLICY_FORMATS) expect(() => readPolicy(format, texts[format])).not.toThrow();
  });

  it('is byte-identical for the same input', () => {
    for (const { tool, classification } of CASES) expect(toolPolicies(tool, classification)).toEqual(toolPolicies(tool, classification));
  });

  it('uses the real parameter names of the input schema in Intercept conditions', () => {
    const yaml = (label: string) => { const c = CASES.find((x) => x.label.startsWith(label))!; return toolPolicies(c.tool, c.classification)['intercept-yaml']; };
    expect(yaml('a medium file reader')).toContain('path: "args.file_path"');
    expect(yaml('a browser navigator')).toContain('path: "args.targetUrl"');
    expect(yaml('a medium SQL tool')).toContain('path: "args.sql"');
    expect(yaml('a payment link')).toContain('path: "args.unit_amount"');
    expect(yaml('a high file writer')).not.toContain('args.content');
  });

  it('falls back to the conventional name when the schema could not be read', () => {
    const c = CASES.find((x) => x.label.startsWith('a tool whose schema'))!;
    expect(toolPolicies(c.tool, c.classification)['intercept-yaml']).toContain('path: "args.query"');
  });

  it('gives no path rule to a file tool whose parameters hold no path, rather than denying every call', () => {
    const text = toolPolicies(tool('search_files', { pattern: { type: 'string' }, paths: { type: 'array' } }), classified('medium', { tags: ['filesystem'] }))['intercept-yaml'];
    expect(text).not.toContain('args.');
    expect(text).toContain('rate_limit: 30/minute');
  });

  it('caps only numeric amount parameters, never a price id or a quantity', () => {
    const text = toolPolicies(tool('create_payment_link', { price: { type: 'string' }, quantity: { type: 'integer' } }), classified('medium', { category: 'financial', tags: ['payments'], rules: ['createsPayableObject'] }))['intercept-yaml'];
    expect(text).not.toContain('args.');
  });

  it('writes Claude Code keys a model API accepts, even for hostile tool names', () => {
    const texts = toolPolicies(tool('</textarea><svg onload=alert(1)>', null), classified('critical'), 'my server');
    expect(JSON.parse(texts['claude-code'])).toEqual({ permissions: { deny: ['mcp__my_server____textarea__svg_onload_alert_1__'] } });
    expect(texts.codex).toBe('[mcp_servers."my server"]\ndisabled_tools = [ "</textarea><svg onload=alert(1)>" ]\n');
  });

  it('leaves counters out for a dotted tool name and says why in a comment', () => {
    const c = CASES.find((x) => x.label.includes('dotted'))!;
    const text = toolPolicies(c.tool, c.classification)['intercept-yaml'];
    expect(text).not.toContain('rate_limit');
    expect(text).not.toContain('path: "state.');
    expect(text).toContain('# No rate limit: Intercept reads state.<tool>.<counter> up to the first dot');
  });

  it('names the server in Claude Code and Codex keys when given one', () => {
    const c = CASES.find((x) => x.label === 'a critical shell tool')!;
    const texts = toolPolicies(c.tool, c.classification, 'desktop-commander');
    expect(JSON.parse(texts['claude-code'])).toEqual({ permissions: { deny: ['mcp__desktop-commander__execute_command'] } });
    expect(texts.codex).toBe('[mcp_servers.desktop-commander]\ndisabled_tools = [ "execute_command" ]\n');
  });
});

describe('serverPolicies', () => {
  const all = CASES.map(({ tool, classification }) => ({ tool, classification }));

  it('combines every tool of a server, each format valid', () => {
    const texts = serverPolicies('kitchen-sink', all);
    for (const format of POLICY_FORMATS) expect(() => readPolicy(format, texts[format])).not.toThrow();
    const hidden = ['</textarea><svg onload=alert(1)> "x": 1', 'create_refund', 'execute_command'];
    expect(JSON.parse(texts['policy-json']).hide).toEqual(hidden);
    expect(readToml(texts.codex)).toEqual({ mcp_servers: { 'kitchen-sink': { disabled_tools: hidden } } });
  });

  it('does not depend on the order the tools come in', () => {
    expect(serverPolicies('s', [...all].reverse())).toEqual(serverPolicies('s', all));
  });

  it('reads back the Intercept YAML as exactly the policy it was written from', () => {
    const named = all.map(({ tool, classification }) => ({ name: tool.name, classification, inputSchema: tool.inputSchema }));
    expect(readYaml(serverPolicies('kitchen-sink', all)['intercept-yaml'])).toEqual(interceptPolicy('kitchen-sink', named));
  });

  it('writes a valid policy for a server with no tools', () => {
    const texts = serverPolicies('empty', []);
    for (const format of POLICY_FORMATS) expect(() => readPolicy(format, texts[format])).not.toThrow();
    expect(texts['intercept-yaml']).toContain('tools: {}');
  });
});

describe('format schemas', () => {
  it('refuse Intercept fields and combinations the validator rejects', () => {
    const base = { version: '1', default: 'deny' };
    expect(() => InterceptYaml.parse({ ...base, tools: { t: { rules: [{ name: 'r', rate_limit: '10 per minute' }] } } })).toThrow();
    expect(() => InterceptYaml.parse({ ...base, tools: { t: { rules: [{ name: 'r', rate_limit: '10/minute', conditions: [{ path: 'args.x', op: 'eq', value: 1 }] }] } } })).toThrow();
    expect(() => InterceptYaml.parse({ ...base, tools: { t: { rules: [{ name: 'r', conditions: [{ path: 'x', op: 'eq', value: 1 }] }] } } })).toThrow();
    expect(() => InterceptYaml.parse({ ...base, tools: { t: { rules: [{ name: 'r', conditions: [{ path: 'args.x', op: 'lte', value: '5' }] }] } } })).toThrow();
    expect(() => InterceptYaml.parse({ ...base, tools: { t: { rules: [{ name: 'r', conditions: [{ path: 'args.x', op: 'regex', value: '(?=a)' }] }] } } })).toThrow();
    expect(() => InterceptYaml.parse({ ...base, tools: { t: { rules: [{ name: 'r', conditions: [{ path: 'state.t.spent', op: 'lte', value: 5 }] }] } } })).toThrow();
    expect(() => InterceptYaml.parse({ ...base, tools: { t: { rules: [{ name: 'r', action: 'deny', reason: 'no' }] } } })).toThrow();
    expect(() => InterceptYaml.parse({ ...base, hide: ['a', 'a'] })).toThrow();
  });

  it('accept the full syntax from Intercept\'s POLICY.md', () => {
    expect(() => InterceptYaml.parse({
      version: '1', default: 'allow',
      tools: {
        create_charge: { rules: [{ name: 'daily spend', conditions: [{ path: 'state.create_charge.daily_spend', op: 'lte', value: 10000 }], state: { counter: 'daily_spend', window: 'day', increment_from: 'args.amount' } }] },
        '*': { rules: [{ name: 'global', rate_limit: '60/minute' }] },
        delete_repo: { rules: [{ name: 'never', action: 'deny', on_deny: 'no' }] },
      },
    })).not.toThrow();
  });

  it('refuse Claude Code entries that are not MCP tool rules, and Codex fragments with extra keys', () => {
    expect(() => ClaudeCodeSettings.parse({ permissions: { deny: ['Bash(rm:*)'] } })).toThrow();
    expect(() => CodexConfig.parse({ mcp_servers: { s: { disabled_tools: [], tool_timeout: 3 } } })).toThrow();
  });

  it('refuse YAML that a gateway\'s reader could read otherwise, rather than guess', () => {
    expect(() => readYaml('a: &x 1\nb: *x\n')).toThrow(/aliases|anchors/);
    expect(() => readYaml('a: 1\na: 2\n')).toThrow(/unique/);
    expect(() => readYaml('a: !!str 1\n')).toThrow(/tags/);
    expect(() => readYaml('a: yes\n')).toThrow(/either !!str or !!bool/);
    expect(() => readYaml('a: "x\u2028y"\n')).toThrow(/U\+2028/);
    expect(() => readYaml('a: "x\u0085y"\n')).toThrow(/U\+0085/);
    expect(readYaml('a: |\n  text\n')).toEqual({ a: 'text\n' });
  });

  it('read TOML with a TOML 1.0 parser and name the line of a syntax error', () => {
    expect(readToml('[mcp_servers."__proto__"]\ndisabled_tools = [ "a\\u007f" ]\n')).toEqual({ mcp_servers: { ['__proto__']: { disabled_tools: ['a\u007f'] } } });
    expect(() => readToml('[mcp_servers.a]\ndisabled_tools = ["a\u007f"]\n')).toThrow(/control characters[\s\S]*2: /);
  });
});
