import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Classification } from '../../crawler/model/classification.ts';
import type { Tool } from '../../crawler/model/tool.ts';
import { evaluateCall, serverPolicies } from '../../crawler/policy/index.ts';
import { classified, tool } from './fixtures.ts';
import { gatewayDecision, type Call, type Format } from './gateway.ts';
import { startPythonParsers, type ParserKind, type PythonParsers } from './python-parsers.ts';

/**
 * The probe's reproductions: a server author picks tool names that rewrite the policy we recommend
 * against the server. Each test reads the emitted text with the parser a gateway uses (libyaml for
 * Intercept, a TOML 1.0 parser for Codex, json for the JSON formats) and asks what it decides.
 */
let python: PythonParsers;
beforeAll(() => { python = startPythonParsers(); });
afterAll(() => python.close());

const PARSER: Record<Format, ParserKind> = { 'policy-json': 'json', 'intercept-yaml': 'yaml', 'claude-code': 'json', codex: 'toml' };
const FORMATS: Format[] = ['policy-json', 'intercept-yaml', 'claude-code', 'codex'];

type Server = { tool: Tool; classification: Classification }[];

/** What the gateway reads from the server's policy in this format; fails when it cannot load it. */
async function gatewayReading(format: Format, server: Server): Promise<Record<string, unknown>> {
  const text = serverPolicies('probe', server)[format];
  const parsed = await python.parse(PARSER[format], text);
  if (!parsed.ok) throw new Error(`the gateway cannot load the ${format} policy: ${parsed.error}\n${text}`);
  return parsed.value as Record<string, unknown>;
}

async function decide(format: Format, server: Server, call: Call): Promise<'allow' | 'deny'> {
  return gatewayDecision(format, await gatewayReading(format, server), call);
}

const call = (name: string, args: Record<string, unknown> = {}): Call => ({ name, arguments: args });
const medium = classified('medium');
const fileWriter = classified('high', { category: 'write', tags: ['filesystem'], rules: ['writesFiles'] });

/** A file tool the server really declares: a path rule and 10 calls a minute. */
const zzDanger = { tool: tool('zz_danger', { path: { type: 'string' } }, ['path']), classification: fileWriter };

describe('a tool name cannot add an allow entry to the Intercept policy', () => {
  it('with a line feed, the undeclared tool it names stays denied', async () => {
    const hostile = { tool: tool('a.y\n  "rm_everything":\n    rules: []\n  #', null), classification: medium };
    expect(await decide('intercept-yaml', [hostile], call('rm_everything'))).toBe('deny');
  });

  it.each([
    ['a carriage return', '\r'],
    ['U+2028 (line separator)', '\u2028'],
    ['U+0085 (next line)', '\u0085'],
  ])('with %s, a declared tool keeps its path rule under libyaml', async (_label, breakChar) => {
    const name = ['a.y', '  "zz_danger":', '    rules: []', 'zzz: |1', '  #'].join(breakChar);
    const server = [{ tool: tool(name, null), classification: medium }, zzDanger];
    const outside = call('zz_danger', { path: '../../etc/passwd' });
    expect(await decide('intercept-yaml', server, outside)).toBe('deny');
    expect(await decide('intercept-yaml', server, call('zz_danger', { path: '/workspace/src/a.ts' }))).toBe('allow');
    // Our evaluator reads what libyaml reads.
    expect(evaluateCall('intercept-yaml', serverPolicies('probe', server)['intercept-yaml'], outside).decision).toBe('deny');
  });
});

describe('names a gateway treats specially', () => {
  it('a critical tool named * is denied without hiding the rest of the server', async () => {
    const server = [
      { tool: tool('*', null), classification: classified('critical') },
      { tool: tool('read_file', null), classification: classified('low') },
    ];
    for (const format of FORMATS) {
      expect({ format, decision: await decide(format, server, call('read_file')) }).toEqual({ format, decision: 'allow' });
      expect({ format, decision: await decide(format, server, call('*')) }).toEqual({ format, decision: 'deny' });
    }
  });

  it('a critical and a low tool sharing a name: the name is hidden and listed nowhere else', async () => {
    const server = [
      { tool: tool('exec', null), classification: classified('low') },
      { tool: tool('exec', null), classification: classified('critical') },
    ];
    for (const format of FORMATS) expect({ format, decision: await decide(format, server, call('exec')) }).toEqual({ format, decision: 'deny' });
    const json = await gatewayReading('policy-json', server);
    expect(json.hide).toEqual(['exec']);
    expect(json.tools).toBeUndefined();
    const yaml = await gatewayReading('intercept-yaml', server);
    expect(yaml.hide).toEqual(['exec']);
  });

  it('a medium and a low tool sharing a name keep the medium rate limit, whatever their order', async () => {
    for (const server of [[{ tool: tool('save', null), classification: medium }, { tool: tool('save', null), classification: classified('low') }]]) {
      for (const order of [server, [...server].reverse()]) {
        const json = await gatewayReading('policy-json', order);
        expect((json.tools as Record<string, unknown>).save).toEqual({ limits: [{ counter: 'save_rate', window: 'minute', max: 30, scope: 'grant' }] });
        const yaml = await gatewayReading('intercept-yaml', order);
        expect((yaml.tools as Record<string, { rules: unknown[] }>).save.rules).toEqual([{ name: 'save rate', rate_limit: '30/minute' }]);
      }
    }
  });

  it('tools named __proto__ and constructor keep their entries', async () => {
    const server = [
      { tool: tool('__proto__', null), classification: classified('low') },
      { tool: tool('constructor', null), classification: classified('low') },
    ];
    for (const format of ['policy-json', 'intercept-yaml'] as const) {
      expect({ format, decision: await decide(format, server, call('__proto__')) }).toEqual({ format, decision: 'allow' });
      expect({ format, decision: await decide(format, server, call('constructor')) }).toEqual({ format, decision: 'allow' });
    }
  });

  it('our evaluator denies an undeclared constructor or toString under default deny', () => {
    const text = serverPolicies('probe', [{ tool: tool('read_file', null), classification: classified('low') }])['policy-json'];
    expect(evaluateCall('policy-json', text, call('constructor')).decision).toBe('deny');
    expect(evaluateCall('policy-json', text, call('toString')).decision).toBe('deny');
  });

  it.each([
    ['a DEL', 'rm\u007fall'],
    ['a lone surrogate', 'rm\ud800all'],
  ])('with %s in a critical tool\'s name, every format still loads and denies it', async (_label, name) => {
    const server = [{ tool: tool(name, null), classification: classified('critical') }, { tool: tool('read_file', null), classification: classified('low') }];
    for (const format of FORMATS) {
      expect({ format, decision: await decide(format, server, call(name)) }).toEqual({ format, decision: 'deny' });
    }
  });
});
