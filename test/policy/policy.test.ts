import { describe, expect, it } from 'vitest';
import type { Classification, Risk } from '../../crawler/model/classification.ts';
import {
  PolicyJson, claudeCodeDeny, codexConfigToml, codexDisabledTools, formatPolicy, interceptYaml, policyNote, serverPolicy, toolPolicy,
} from '../../crawler/policy/index.ts';

function classified(risk: Risk, overrides: Partial<Classification> = {}): Classification {
  return { category: 'read', policyLayerCategory: 'Read', risk, tags: [], confidence: 0.9, rules: [], findings: [], rationale: '', ...overrides };
}

describe('toolPolicy', () => {
  it('allows a low-risk tool with an empty entry under default deny', () => {
    expect(toolPolicy('get_time', classified('low'))).toEqual({ version: '1', default: 'deny', tools: { get_time: {} } });
  });

  it('rate-limits a medium-risk tool to 30 calls a minute per grant', () => {
    expect(toolPolicy('create_customer', classified('medium')).tools).toEqual({
      create_customer: { limits: [{ counter: 'create_customer_rate', window: 'minute', max: 30, scope: 'grant' }] },
    });
  });

  it('rate-limits a high-risk tool to 10 calls a minute per grant', () => {
    expect(toolPolicy('fetch', classified('high')).tools?.fetch.limits?.[0].max).toBe(10);
  });

  it('hides a critical tool instead of listing it', () => {
    expect(toolPolicy('run_python_code', classified('critical'))).toEqual({ version: '1', default: 'deny', hide: ['run_python_code'] });
  });
});

describe('serverPolicy', () => {
  it('combines every tool of a server into one policy the schema accepts', () => {
    const policy = serverPolicy([
      { name: 'write_file', classification: classified('high') },
      { name: 'read_file', classification: classified('medium') },
      { name: 'list_directory', classification: classified('low') },
      { name: 'execute', classification: classified('critical') },
    ]);
    expect(PolicyJson.parse(policy)).toEqual(policy);
    expect(policy.hide).toEqual(['execute']);
    expect(Object.keys(policy.tools!)).toEqual(['list_directory', 'read_file', 'write_file']);
  });

  it('is refused by the schema when a field outside the published format sneaks in', () => {
    expect(() => PolicyJson.parse({ version: '1', default: 'deny', tools: { t: { rate_limit: 10 } } })).toThrow();
    expect(() => PolicyJson.parse({ version: '1', default: 'deny', action: 'deny' })).toThrow();
  });
});

describe('formatPolicy', () => {
  it('prints two-space JSON with version first and a trailing newline', () => {
    const text = formatPolicy({ tools: { b: {}, a: {} }, default: 'deny', version: '1' } as PolicyJson);
    expect(text).toBe('{\n  "version": "1",\n  "default": "deny",\n  "tools": {\n    "a": {},\n    "b": {}\n  }\n}\n');
  });
});

describe('policyNote', () => {
  it('says how many calls a rate-limited tool gets', () => {
    expect(policyNote('fetch', classified('high'))).toMatch(/at most 10 calls a minute/);
  });

  it('says what to allow instead of a hidden shell tool', () => {
    const note = policyNote('execute_command', classified('critical', { rules: ['runsShellCommand'] }));
    expect(note).toMatch(/^Hides execute_command/);
    expect(note).toMatch(/container or VM/);
  });
});

describe('interceptYaml', () => {
  it('keeps file tools under a path prefix and rate-limits them', () => {
    const yaml = interceptYaml('filesystem', [{
      name: 'write_file',
      classification: classified('high', { category: 'write', tags: ['filesystem'], rules: ['writesFiles'] }),
      inputSchema: { type: 'object', properties: { path: { type: 'string' }, content: { type: 'string' } } },
    }]);
    expect(yaml).toContain('path: "args.path"');
    expect(yaml).toContain('op: "regex"');
    expect(yaml).toContain('rate_limit: 10/minute');
    expect(yaml).not.toContain('args.content');
  });

  it('allows only listed hosts for URL tools, SELECT for SQL tools, and caps amounts for payment tools', () => {
    const yaml = interceptYaml('mixed', [
      { name: 'fetch', classification: classified('high', { category: 'network', tags: ['network'], rules: ['fetchesArbitraryUrl'] }) },
      { name: 'read_query', classification: classified('medium', { category: 'execute', tags: ['database'], rules: ['runsSqlQuery'] }) },
      { name: 'create_refund', classification: classified('critical', { category: 'financial', tags: ['payments'], rules: ['movesMoney'] }) },
    ]);
    expect(yaml).toContain('path: "args.url"');
    expect(yaml).toContain('"(?i)^\\\\s*select');
    expect(yaml).toContain('path: "args.amount"');
    expect(yaml).toContain('increment_from: "args.amount"');
    expect(yaml).toMatch(/hide:\n {2}- "create_refund"/);
    expect(yaml.startsWith('version: "1"\n')).toBe(true);
  });
});

describe('client formats', () => {
  const tools = [
    { name: 'run_python_code', classification: classified('critical') },
    { name: 'list_files', classification: classified('low') },
  ];

  it('denies hidden tools in Claude Code with mcp__server__tool names', () => {
    expect(claudeCodeDeny('python runner', tools)).toEqual({ permissions: { deny: ['mcp__python_runner__run_python_code'] } });
  });

  it('lists hidden tools as Codex disabled_tools', () => {
    expect(codexDisabledTools(tools)).toEqual(['run_python_code']);
    expect(codexConfigToml('python-runner', tools)).toBe('[mcp_servers.python-runner]\ndisabled_tools = [ "run_python_code" ]\n');
  });
});
