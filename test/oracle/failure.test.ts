import { describe, expect, it } from 'vitest';
import { classifyFailure, MAX_NAMES_PER_RETRY, outputTail, placeholderValue, settingsAskedFor, type SessionEnd } from '../../bench/oracle/failure.ts';

const ended = (fields: Partial<SessionEnd>): SessionEnd => ({ exitCode: 1, signal: null, timedOut: false, output: '', error: 'MCP error -32000: Connection closed', ...fields });

describe('why a server gave no tool list', () => {
  it('a server exiting on a missing key wants real credentials', () => {
    const end = ended({ output: 'Starting notes server\nError: NOTES_API_KEY environment variable is required\n' });
    expect(classifyFailure(end)).toEqual({ class: 'needs-credentials', reason: 'asks for real settings: "Error: NOTES_API_KEY environment variable is required"' });
  });

  it('a rejected placeholder token is a credentials failure too', () => {
    expect(classifyFailure(ended({ output: 'Failed to start: 401 Unauthorized: invalid access token\n' })).class).toBe('needs-credentials');
  });

  it('a binary for another platform, or a missing program, is native', () => {
    expect(classifyFailure(ended({ output: 'Error: spawn xcrun ENOENT\n' })).class).toBe('native-binary');
    expect(classifyFailure(ended({ output: 'This server only works on macOS\n' })).class).toBe('native-binary');
    expect(classifyFailure(ended({ output: '', error: 'spawn /tmp/x/bin/notes-server ENOEXEC' })).class).toBe('native-binary');
  });

  it('a server that needs a newer Node, or a native addon its install script would build, cannot run on this platform', () => {
    expect(classifyFailure(ended({ output: 'Error: Notes MCP server requires Node.js 22 or later (you have v20.20.2).\n' })).class).toBe('native-binary');
    expect(classifyFailure(ended({ output: 'Error [ERR_UNKNOWN_BUILTIN_MODULE]: No such built-in module: node:sqlite\n' })).class).toBe('native-binary');
    expect(classifyFailure(ended({ output: "Error: Cannot find module '../build/Release/keytar.node'\n" })).class).toBe('native-binary');
  });

  it('a server announcing an HTTP address instead of answering on stdio is HTTP-only', () => {
    const end = ended({ timedOut: true, exitCode: null, output: 'Notes MCP server listening on http://localhost:3000/mcp\n' });
    expect(classifyFailure(end)).toEqual({ class: 'http-only', reason: 'serves HTTP, not stdio: "Notes MCP server listening on http://localhost:3000/mcp"' });
  });

  it('a server that says it runs on stdio is not taken for HTTP-only for mentioning an address', () => {
    const end = ended({ timedOut: true, exitCode: null, output: 'Notes MCP server running on stdio\nDocs at http://localhost:8080/docs\n' });
    expect(classifyFailure(end).class).toBe('timeout');
  });

  it('silence until the time limit is a timeout', () => {
    expect(classifyFailure(ended({ timedOut: true, exitCode: null, output: '' }))).toEqual({ class: 'timeout', reason: 'no tool list before the time limit' });
  });

  it('a server that refuses tools/list is a protocol error', () => {
    const end = ended({ exitCode: null, error: 'MCP error -32601: Method not found' });
    expect(classifyFailure(end)).toEqual({ class: 'protocol-error', reason: 'tools/list refused: MCP error -32601: Method not found' });
  });

  it('any other exit is recorded with its code and last line', () => {
    const end = ended({ exitCode: 2, output: 'Usage: notes-server <notebook-dir>\n' });
    expect(classifyFailure(end)).toEqual({ class: 'exited', reason: 'exited with code 2: "Usage: notes-server <notebook-dir>"' });
  });

  it('a crash is recorded with its error line, not the stack trace under it', () => {
    const end = ended({ output: "TypeError: Cannot read properties of undefined (reading 'bind')\n    at Object.<anonymous> (/x/index.js:81:5)\n}\nNode.js v20.20.2\n" });
    expect(classifyFailure(end)).toEqual({ class: 'exited', reason: "exited with code 1: \"TypeError: Cannot read properties of undefined (reading 'bind')\"" });
  });

  it('an error followed by usage text is recorded with the error', () => {
    const end = ended({ output: 'Error: unknown flag: --stdio\nUsage:\n  notes-server [flags]\n  --port string   Required for HTTP mode\n  --version       Print version information and quit\n' });
    expect(classifyFailure(end).reason).toBe('exited with code 1: "Error: unknown flag: --stdio"');
  });

  it('a server that prints usage on stdout and exits 0 is said to want a subcommand or argument', () => {
    const end = ended({ exitCode: 0, output: '[stdout] Usage: notes <command>\n[stdout]   start  Run the server\n' });
    expect(classifyFailure(end).reason).toBe('exited with code 0 after writing text to stdout instead of answering (usage? it may want a subcommand or argument): "Usage: notes <command>"');
  });

  it('a server that reaches for the network to start or to list needs the network', () => {
    const end = ended({ exitCode: 1, output: 'Error: getaddrinfo ENOTFOUND api.notes.example\n' });
    expect(classifyFailure(end)).toEqual({ class: 'needs-network', reason: 'reached for the network, which the sandbox cuts: "Error: getaddrinfo ENOTFOUND api.notes.example"' });
    expect(classifyFailure(ended({ exitCode: null, error: 'MCP error -32603: fetch failed' })).class).toBe('needs-network');
    expect(classifyFailure(ended({ output: '[Notes DB] Error: connect ECONNREFUSED 127.0.0.1:6379\n' })).reason).toBe('needs a service it could not reach (a database, a daemon): "[Notes DB] Error: connect ECONNREFUSED 127.0.0.1:6379"');
  });
});

describe('settings an error message asks for', () => {
  it('finds upper-case names on lines about settings, not yet set, in order', () => {
    const text = 'Error: NOTES_TOKEN is required\nAlso set NOTES_BASE_URL or NOTES_TOKEN\nERR_MODULE_NOT_FOUND while loading\nReady in DEBUG_MODE? no\n';
    expect(settingsAskedFor(text, new Set())).toEqual(['NOTES_TOKEN', 'NOTES_BASE_URL']);
    expect(settingsAskedFor(text, new Set(['NOTES_TOKEN']))).toEqual(['NOTES_BASE_URL']);
  });

  it('ignores codes that are not settings', () => {
    expect(settingsAskedFor('Error [ERR_INVALID_ARG_TYPE]: missing\nNODE_OPTIONS not set\n', new Set())).toEqual([]);
  });

  it('asks for a bounded number of names at once', () => {
    const names = Array.from({ length: 20 }, (_, i) => `SETTING_${i}`);
    expect(settingsAskedFor(`missing: ${names.join(' ')}`, new Set())).toHaveLength(MAX_NAMES_PER_RETRY);
  });

  it('placeholders take the shape the name suggests', () => {
    expect(placeholderValue('NOTES_BASE_URL', '/home')).toBe('http://127.0.0.1:9/');
    expect(placeholderValue('DB_HOST', '/home')).toBe('127.0.0.1');
    expect(placeholderValue('DB_PORT', '/home')).toBe('9');
    expect(placeholderValue('NOTES_DIR', '/home')).toBe('/home');
    expect(placeholderValue('NOTES_API_KEY', '/home')).toBe('oracle-placeholder');
  });
});

describe('the recorded output tail', () => {
  it('keeps the last lines, without colours, with the sandbox path masked', () => {
    const text = 'one\n\u001b[31mError\u001b[0m: cannot open /tmp/mcp-oracle-Ab12/home-0/notes.db\n\nthree\n';
    expect(outputTail(text, { '/tmp/mcp-oracle-Ab12': '<sandbox>' }, 2)).toEqual(['Error: cannot open <sandbox>/home-0/notes.db', 'three']);
  });
});
