import type { ChildProcess } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ListToolsResultSchema } from '@modelcontextprotocol/sdk/types.js';
import type { SessionEnd } from './failure.ts';
import type { RecordedTool } from './inventory.ts';
import { z } from 'zod';

/** A command as sandboxCommand builds it, and the folder it starts in. */
export interface SessionCommand {
  command: string;
  args: string[];
  cwd: string;
}

export interface Listed {
  tools: RecordedTool[];
  server: { name: string; version: string } | null;
  /** Where the answer breaks the SDK's own schema for tools/list (the tools are kept all the same). */
  schemaIssues: string[];
}

export type SessionResult = ({ ok: true } & Listed) | { ok: false; end: SessionEnd };

/**
 * tools/list as any server answers it: a name per tool is all we insist on. The SDK's stricter
 * schema is checked apart, so a server that, say, leaves out `inputSchema.type` is still recorded.
 */
const LenientToolList = z.object({
  tools: z.array(z.looseObject({ name: z.string() })),
  nextCursor: z.string().optional(),
});

/** Output kept per server: the tail is what explains a failure. */
const MAX_OUTPUT_CHARS = 64 * 1024;
/** Pages of tools/list followed before we stop: a server whose cursor never ends. */
const MAX_PAGES = 100;
const CLIENT = { name: 'mcp-risk-oracle', version: '0.1.0' };

/**
 * Starts one server over stdio and asks for its tools with the official SDK client: `initialize`,
 * `notifications/initialized`, then `tools/list` page by page. The whole process group is killed at
 * the end, or at the time limit.
 */
export async function listTools(run: SessionCommand, timeoutMs: number): Promise<SessionResult> {
  // The transport's own environment only reaches `setsid`/`unshare`: the command empties it for the server.
  const transport = new StdioClientTransport({ command: run.command, args: run.args, cwd: run.cwd, stderr: 'pipe', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
  let output = '';
  const keep = (text: string): void => {
    output = (output + text).slice(-MAX_OUTPUT_CHARS);
  };
  // Decoders keep a character split across two chunks whole.
  const stderr = new StringDecoder('utf8');
  transport.stderr?.on('data', (chunk: Buffer) => keep(stderr.write(chunk)));
  // Lines on stdout that are not JSON-RPC (a banner, usage, an HTTP address) say why as much as stderr.
  const exit = watchChild(transport, (line) => keep(`[stdout] ${line}\n`));
  const client = new Client(CLIENT, { capabilities: {} });
  // Those lines also reach the client as JSON parse errors, already kept in full above.
  client.onerror = (error) => {
    if (!(error instanceof SyntaxError)) keep(`\n[client] ${error.message}\n`);
  };

  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new Error(`no tool list within ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
  });
  try {
    const listed = await Promise.race([session(client, transport, timeoutMs), deadline]);
    return { ok: true, ...listed };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A closed connection means the server ended by itself: its status says how. Otherwise it is
    // still running (an error answer, our time limit) and what we kill it with says nothing.
    const status = !timedOut && /connection closed/i.test(message) ? await exit.settled(2000) : { code: null, signal: null };
    killGroup(transport.pid);
    return { ok: false, end: { exitCode: status.code, signal: status.signal, timedOut, output, error: message } };
  } finally {
    clearTimeout(timer);
    killGroup(transport.pid);
    await client.close().catch(() => {});
  }
}

async function session(client: Client, transport: StdioClientTransport, timeoutMs: number): Promise<Listed> {
  await client.connect(transport, { timeout: timeoutMs });
  const tools: RecordedTool[] = [];
  const schemaIssues: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    // request() rather than listTools(): the latter also compiles output schemas, and a bad one
    // would cost us the list.
    const result = await client.request({ method: 'tools/list', params: cursor ? { cursor } : {} }, LenientToolList, { timeout: timeoutMs });
    const strict = ListToolsResultSchema.safeParse(result);
    if (!strict.success) schemaIssues.push(...strict.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
    for (const tool of result.tools) tools.push(recordedTool(tool));
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  const info = client.getServerVersion();
  return { tools, server: info ? { name: info.name, version: info.version } : null, schemaIssues: [...new Set(schemaIssues)].slice(0, 20) };
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The fields we keep, as sent; a field of the wrong type counts as absent. */
function recordedTool(tool: { name: string } & Record<string, unknown>): RecordedTool {
  return {
    name: tool.name,
    title: textOrNull(tool.title),
    description: textOrNull(tool.description),
    inputSchema: isObject(tool.inputSchema) ? tool.inputSchema : {},
    annotations: isObject(tool.annotations) ? tool.annotations : null,
  };
}

/** Kills the server's process group (it leads its own session); gone already is fine. */
function killGroup(pid: number | null): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/**
 * The server's exit status and the lines it wrote to stdout that are not JSON. The transport reports
 * neither, so its child process is reached when it starts; if the SDK changes that field, both are
 * simply unknown.
 */
function watchChild(transport: StdioClientTransport, onTextLine: (line: string) => void): { settled(waitMs: number): Promise<{ code: number | null; signal: string | null }> } {
  let status: { code: number | null; signal: string | null } | null = null;
  const waiters: (() => void)[] = [];
  const start = transport.start.bind(transport);
  transport.start = async () => {
    await start();
    const child = (transport as unknown as { _process?: ChildProcess })._process;
    let partial = '';
    const decoder = new StringDecoder('utf8');
    child?.stdout?.on('data', (chunk: Buffer) => {
      const lines = (partial + decoder.write(chunk)).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '' && !line.trimStart().startsWith('{')) onTextLine(line.trimEnd());
    });
    child?.once('exit', (code, signal) => {
      status = { code, signal };
      for (const wake of waiters) wake();
    });
  };
  return {
    async settled(waitMs) {
      if (!status) await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, waitMs).unref();
      });
      return status ?? { code: null, signal: null };
    },
  };
}
