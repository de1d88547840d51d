import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractRepository } from '../../crawler/extract/index.ts';
import { localTree, memoryTree } from '../../crawler/fetch/source-tree.ts';
import type { Tool } from '../../crawler/model/index.ts';

async function toolsOf(fixture: string): Promise<Tool[]> {
  const dir = fileURLToPath(new URL(`../fixtures/${fixture}/`, import.meta.url));
  return (await extractRepository(localTree(dir), fixture)).tools;
}

function byName(tools: Tool[], name: string): Tool {
  const tool = tools.find((candidate) => candidate.name === name);
  if (!tool) throw new Error(`no tool ${name} among ${tools.map((t) => t.name).join(', ')}`);
  return tool;
}

describe('McpServer.tool overloads (TS-01..06)', () => {
  it('reads a name-only tool as a tool with an empty schema', async () => {
    const ping = byName(await toolsOf('ts-tool-overloads'), 'ping');
    expect(ping).toMatchObject({ line: 6, description: null, descriptionResolved: 'none', annotations: null, style: 'McpServer.tool', sdk: 'ts-mcp-sdk', confidence: 1 });
    expect(ping.inputSchema).toEqual({ type: 'object', properties: {} });
  });

  it('takes a string second argument as the description', async () => {
    expect(byName(await toolsOf('ts-tool-overloads'), 'describe_me')).toMatchObject({ description: 'Says what it does', descriptionResolved: 'full' });
  });

  it('takes a Zod raw shape as the input schema, its fields required', async () => {
    const shaped = byName(await toolsOf('ts-tool-overloads'), 'shaped');
    expect(shaped.inputSchema).toEqual({ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] });
    expect(shaped.annotations).toBeNull();
  });

  it('takes an object of hint keys as annotations, not as a schema', async () => {
    const hinted = byName(await toolsOf('ts-tool-overloads'), 'hinted');
    expect(hinted.annotations).toEqual({ readOnlyHint: true });
    expect(hinted.annotationsOrigin).toEqual({ readOnlyHint: 'explicit', destructiveHint: 'absent', idempotentHint: 'absent', openWorldHint: 'absent' });
    expect(hinted.inputSchema).toEqual({ type: 'object', properties: {} });
  });

  it('treats an empty object after the description as an empty schema, as the SDK does', async () => {
    const empty = byName(await toolsOf('ts-tool-overloads'), 'empty_shape');
    expect(empty.inputSchema).toEqual({ type: 'object', properties: {} });
    expect(empty.annotations).toBeNull();
  });

  it('reads description, schema and annotations together, with the title from the annotations', async () => {
    const both = byName(await toolsOf('ts-tool-overloads'), 'both');
    expect(both).toMatchObject({ line: 17, description: 'Has a schema and hints', title: 'Delete a file' });
    expect(both.inputSchema).toEqual({
      type: 'object',
      properties: { path: { type: 'string', description: 'File to delete' }, force: { type: 'boolean' } },
      required: ['path'],
    });
    expect(both.annotations).toEqual({ destructiveHint: true, title: 'Delete a file' });
    expect(both.annotationsOrigin.destructiveHint).toBe('explicit');
    expect(both.annotationsOrigin.readOnlyHint).toBe('absent');
  });

  it('points the handler at the inline callback', async () => {
    const both = byName(await toolsOf('ts-tool-overloads'), 'both');
    expect(both.handler).toEqual({ file: 'index.ts', startLine: 21, endLine: 21 });
  });
});

describe('McpServer.registerTool (TS-07)', () => {
  it('resolves a name and config held in module constants, at the line of the call', async () => {
    const echo = byName(await toolsOf('ts-register-tool-consts'), 'echo');
    expect(echo).toMatchObject({
      file: 'tools/echo.ts', line: 17, title: 'Echo Tool', description: 'Echoes back the input string',
      style: 'McpServer.registerTool', nameResolved: true, confidence: 0.95,
    });
    expect(echo.inputSchema).toEqual({ type: 'object', properties: { message: { type: 'string', description: 'Message to echo' } }, required: ['message'] });
    expect(echo.annotations).toEqual({ readOnlyHint: true, openWorldHint: false });
    expect(echo.handler).toEqual({ file: 'tools/echo.ts', startLine: 17, endLine: 19 });
  });

  it('reads registerToolTask like registerTool', async () => {
    const research = byName(await toolsOf('ts-register-tool-consts'), 'research');
    expect(research).toMatchObject({ line: 24, description: 'Researches a topic as a task', style: 'McpServer.registerToolTask' });
    expect(research.inputSchema).toMatchObject({ properties: { topic: { type: 'string' } }, required: ['topic'] });
  });
});

describe('descriptions (TS-08)', () => {
  it('joins concatenated strings and constants', async () => {
    expect(byName(await toolsOf('ts-description-strings'), 'concatenated').description).toBe('Read a file. Handles encodings. Files only.');
  });

  it('dedents an indented template literal and fills in constants', async () => {
    const templated = byName(await toolsOf('ts-description-strings'), 'templated');
    expect(templated).toMatchObject({ description: '\nGet the configuration.\n  Indented detail.\nFiles only.', descriptionResolved: 'full' });
  });

  it('keeps a placeholder for a part computed at run time, and says the description is partial', async () => {
    const partial = byName(await toolsOf('ts-description-strings'), 'runtime_part');
    expect(partial).toMatchObject({ description: 'Guidance: ${getPathGuidance()} end', descriptionResolved: 'partial' });
  });

  it('joins an array of strings', async () => {
    expect(byName(await toolsOf('ts-description-strings'), 'joined').description).toBe('First line. Second line.');
  });
});

describe('input schemas (TS-09)', () => {
  it('follows Schema.shape to the z.object definition, with modifiers', async () => {
    const read = byName(await toolsOf('ts-zod-schemas'), 'read');
    expect(read.inputSchema).toEqual({
      type: 'object',
      properties: {
        path: { type: 'string', description: 'Path to read' },
        tail: { type: 'integer' },
        mode: { type: 'string', enum: ['text', 'binary'], default: 'text' },
        tags: { type: 'array', items: { type: 'string' }, minItems: 1 },
        options: { type: 'object', properties: { follow: { type: 'boolean' } }, required: ['follow'] },
      },
      required: ['path', 'tags'],
    });
  });

  it('looks through z.preprocess to the schema it wraps', async () => {
    expect(byName(await toolsOf('ts-zod-schemas'), 'coerced').inputSchema).toEqual({
      type: 'object', properties: { count: { type: 'number', description: 'How many' } }, required: ['count'],
    });
  });

  it('keeps a JSON Schema literal as written', async () => {
    expect(byName(await toolsOf('ts-zod-schemas'), 'json_literal').inputSchema).toEqual({
      type: 'object', properties: { query: { type: 'string', description: 'Search text' } }, required: ['query'],
    });
  });
});

describe('receivers and wrappers (TS-16, TS-17)', () => {
  it('finds tools on this.server in an McpAgent, on agent.server in a helper, and inside createMcpHandler', async () => {
    const tools = await toolsOf('ts-agent-receivers');
    expect(tools.map((tool) => [tool.name, tool.file, tool.line])).toEqual([
      ['search_documentation', 'docs.js', 5],
      ['square', 'index.ts', 11],
      ['roll_dice', 'index.ts', 19],
    ]);
    expect(byName(tools, 'roll_dice').inputSchema).toEqual({ type: 'object', properties: { sides: { type: 'integer', minimum: 2 } }, required: ['sides'] });
  });
});

describe('conditions (TS-18 and branches)', () => {
  it('marks a tool whose handle is disabled right after registration', async () => {
    const tools = await toolsOf('ts-disabled-handle');
    expect(byName(tools, 'drop_database').conditions).toEqual([{ kind: 'disabled', expr: 'dangerous.disable()' }]);
    expect(byName(tools, 'status').conditions).toEqual([]);
  });

  it('records an environment flag around a registration, negated in the else branch', async () => {
    const tools = await toolsOf('ts-env-condition');
    expect(byName(tools, 'run_command').conditions).toEqual([{ kind: 'env', expr: 'process.env.ENABLE_SHELL === "true"' }]);
    expect(byName(tools, 'explain_command').conditions).toEqual([{ kind: 'env', expr: '!(process.env.ENABLE_SHELL === "true")' }]);
  });

  it('points the handler at the same-file function a registration names', async () => {
    expect(byName(await toolsOf('ts-env-condition'), 'run_command').handler).toEqual({ file: 'index.ts', startLine: 12, endLine: 14 });
  });
});

describe('look-alikes (TS-19)', () => {
  it('finds no tool in pi.registerTool(obj), Vercel AI tool({...}) or a non-MCP .tool()', async () => {
    expect(await toolsOf('ts-non-mcp-lookalikes')).toEqual([]);
  });
});

describe('names that cannot be resolved', () => {
  it('keeps the tool with the source text as its name and a low confidence', async () => {
    const tools = await toolsOf('ts-unresolvable-name');
    expect(tools.map((tool) => [tool.name, tool.nameResolved, tool.line])).toEqual([
      ['loadToolNameFromConfig()', false, 6],
      ['${process.env.PREFIX}_search', false, 8],
    ]);
    expect(tools.every((tool) => tool.confidence <= 0.5)).toBe(true);
    expect(tools[0].description).toBe('Runs whatever the configuration names');
  });
});

describe('punkpeye fastmcp (TS-20)', () => {
  it('reads addTool objects with their parameters and annotations', async () => {
    const add = byName(await toolsOf('ts-fastmcp-add-tool'), 'add');
    expect(add).toMatchObject({ name: 'add', line: 7, sdk: 'ts-fastmcp', style: 'FastMCP.addTool', description: 'Add two numbers' });
    expect(add.inputSchema).toEqual({ type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'] });
    expect(add.annotations).toEqual({ readOnlyHint: true, openWorldHint: false });
  });

  it('records canAccess as an auth condition', async () => {
    expect(byName(await toolsOf('ts-fastmcp-add-tool'), 'admin_reset').conditions).toEqual([
      { kind: 'auth', expr: 'canAccess: (auth) => auth?.role === "admin"' },
    ]);
  });
});

describe('robustness', () => {
  it('still reads the tools of a file with a syntax error elsewhere in it', async () => {
    const tree = memoryTree('broken', {
      'package.json': '{"dependencies":{"@modelcontextprotocol/sdk":"1.0.0"}}',
      'index.ts': 'import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nconst server = new McpServer({name:"x",version:"1"});\nserver.tool("survives", "Still here", async () => ({content: []}));\nfunction broken( {{{ \n',
    });
    const extraction = await extractRepository(tree, 'broken');
    expect(extraction.tools.map((tool) => tool.name)).toEqual(['survives']);
    expect(extraction.warnings.some((warning) => warning.message.includes('syntax errors'))).toBe(true);
  });

  it('gives up on a constant defined in terms of itself instead of looping', async () => {
    const tree = memoryTree('cycle', {
      'index.ts': 'import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nconst a = b + "x";\nconst b = a + "y";\nconst server = new McpServer({name:"x",version:"1"});\nserver.tool(a, async () => ({content: []}));\n',
    });
    const [tool] = (await extractRepository(tree, 'cycle')).tools;
    expect(tool.nameResolved).toBe(false);
  });

  it('survives deeply nested expressions', async () => {
    const deep = `${'('.repeat(3000)}"deep"${')'.repeat(3000)}`;
    const tree = memoryTree('deep', {
      'index.ts': `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nconst server = new McpServer({name:"x",version:"1"});\nserver.tool("deep_tool", ${deep}, async () => ({content: []}));\n`,
    });
    const extraction = await extractRepository(tree, 'deep');
    expect(extraction.tools.map((tool) => tool.name)).toEqual(['deep_tool']);
  });
});
