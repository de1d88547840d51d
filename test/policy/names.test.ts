import { describe, expect, it } from 'vitest';
import {
  confusionKey, evaluateCall, InterceptYaml, isArgumentName, isPlainName, policyNote, readYaml, serverPolicies, UNWRITABLE_ARGUMENT_RULE,
} from '../../crawler/policy/index.ts';
import { classified, tool } from './fixtures.ts';

const call = (name: string, args: Record<string, unknown> = {}) => ({ name, arguments: args });
const intercept = (text: string) => InterceptYaml.parse(readYaml(text));

/** Every comment line of the Intercept text, which must be our fixed text and never a crawled name. */
function comments(yaml: string): string[] {
  return yaml.split('\n').map((line) => line.trim()).filter((line) => line.startsWith('#'));
}

describe('which names a policy can carry as themselves', () => {
  it('refuses the empty and blank names, the wildcard, controls, line separators and lone surrogates', () => {
    for (const name of ['', ' ', '*', 'a\tb', 'a\nb', 'a\rb', 'a\u007fb', 'a\u0085b', 'a\u009bb', 'a\u2028b', 'a\u2029b', 'a\uffffb', 'a\ud800b']) {
      expect({ name, plain: isPlainName(name) }).toEqual({ name, plain: false });
    }
    for (const name of ['read_file', 'a.b', 'a b', 'a*', '__proto__', 'ｅｘｅｃ', 'emoji😀', 'a\ufeffb']) {
      expect({ name, plain: isPlainName(name) }).toEqual({ name, plain: true });
    }
  });

  it('takes a parameter with a dot for a nested path, so it cannot be addressed', () => {
    expect(isArgumentName('file_path')).toBe(true);
    expect(isArgumentName('dir.path')).toBe(false);
    expect(isArgumentName('')).toBe(false);
  });

  it('groups names that differ only by case, width, ignorable characters or composition', () => {
    expect(new Set(['exec', 'EXEC', 'Exec', 'ｅｘｅｃ', 'ex\u200bec'].map(confusionKey)).size).toBe(1);
    expect(confusionKey('ß')).toBe(confusionKey('SS'));
    expect(confusionKey('e\u0301')).toBe(confusionKey('é'));
    expect(confusionKey('exec')).not.toBe(confusionKey('exe'));
  });
});

describe('a server whose names a gateway cannot take as written', () => {
  it('leaves such names out of policy.json and Intercept and says how many in fixed text', () => {
    const texts = serverPolicies('probe', [
      { tool: tool('a\tb', null), classification: classified('low') },
      { tool: tool('', null), classification: classified('low') },
      { tool: tool('ok', null), classification: classified('low') },
    ]);
    expect(JSON.parse(texts['policy-json']).tools).toEqual({ ok: {} });
    expect(Object.keys(intercept(texts['intercept-yaml']).tools ?? {})).toEqual(['ok']);
    expect(comments(texts['intercept-yaml'])).toEqual([expect.stringMatching(/^# 2 tools are left out, so default deny refuses them: /)]);
    expect(evaluateCall('intercept-yaml', texts['intercept-yaml'], call('a\tb')).decision).toBe('deny');
  });

  it('gives names a normalizing gateway could confuse the strictest risk among them', () => {
    const texts = serverPolicies('probe', [
      { tool: tool('exec', null), classification: classified('low') },
      { tool: tool('Exec', null), classification: classified('critical') },
      { tool: tool('ｅｘｅｃ', null), classification: classified('medium') },
    ]);
    expect(JSON.parse(texts['policy-json'])).toEqual({ version: '1', default: 'deny', hide: ['Exec', 'exec', 'ｅｘｅｃ'] });
    expect(JSON.parse(texts['claude-code']).permissions.deny).toEqual(['mcp__probe__Exec', 'mcp__probe__exec', 'mcp__probe______']);
    for (const name of ['exec', 'Exec', 'ｅｘｅｃ']) expect(evaluateCall('codex', texts.codex, call(name)).decision).toBe('deny');
  });

  it('denies a tool whose argument rule cannot name its parameter, without writing the parameter', () => {
    const writer = classified('high', { category: 'write', tags: ['filesystem'], rules: ['writesFiles'] });
    const yaml = serverPolicies('probe', [{ tool: tool('save', { 'dir.path': { type: 'string' } }, ['dir.path']), classification: writer }])['intercept-yaml'];
    const rules = intercept(yaml).tools?.save.rules;
    expect(rules?.[0]).toEqual(UNWRITABLE_ARGUMENT_RULE);
    expect(yaml).not.toContain('dir.path');
    expect(evaluateCall('intercept-yaml', yaml, call('save', { 'dir.path': '/workspace/a.txt' })).decision).toBe('deny');
  });

  it('denies the whole server in Claude Code when a critical tool has an empty name', () => {
    const text = serverPolicies('probe', [{ tool: tool('', null), classification: classified('critical') }])['claude-code'];
    expect(JSON.parse(text)).toEqual({ permissions: { deny: ['mcp__probe'] } });
    expect(evaluateCall('claude-code', text, call('read_file')).decision).toBe('deny');
  });

  it('switches the server off in Codex when a critical tool\'s name has a lone surrogate, and says why', () => {
    const toml = serverPolicies('probe', [
      { tool: tool('rm\ud800', null), classification: classified('critical') },
      { tool: tool('drop', null), classification: classified('critical') },
    ]).codex;
    expect(toml).toBe('# A tool this policy must deny has a name TOML cannot write, so the server is switched off.\n[mcp_servers.probe]\nenabled = false\ndisabled_tools = [ "drop" ]\n');
    expect(evaluateCall('codex', toml, call('anything')).decision).toBe('deny');
  });

  it('keeps every comment fixed text, whatever the names', () => {
    const names = ['a.b', 'c.d\n# injected', '*', 'x\u2028y', 'z.z'];
    const yaml = serverPolicies('probe', names.map((name) => ({ tool: tool(name, null), classification: classified('medium') })))['intercept-yaml'];
    expect(comments(yaml)).toEqual([
      expect.stringMatching(/^# 3 tools are left out/),
      '# No rate limit: Intercept reads state.<tool>.<counter> up to the first dot, so a tool whose name holds a dot cannot have a counter.',
      '# No rate limit: Intercept reads state.<tool>.<counter> up to the first dot, so a tool whose name holds a dot cannot have a counter.',
    ]);
  });

  it('writes a server name it cannot carry as a placeholder', () => {
    const critical = [{ tool: tool('drop', null), classification: classified('critical') }];
    expect(JSON.parse(serverPolicies('', critical)['claude-code']).permissions.deny).toEqual(['mcp__server__drop']);
    expect(serverPolicies('s\ud800', critical).codex).toBe('[mcp_servers.server]\ndisabled_tools = [ "drop" ]\n');
    expect(intercept(serverPolicies('a\u2028b', critical)['intercept-yaml']).description).toMatch(/^Recommended policy for this server /);
  });

  it('says in the tool\'s note that a name it cannot carry is left out, without repeating the name', () => {
    const note = policyNote('a\u2028b', classified('low'));
    expect(note).toMatch(/^Leaves this tool out of policy.json and Intercept/);
    expect(note).not.toContain('a\u2028b');
  });
});
