import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractRepository } from '../../crawler/extract/index.ts';
import { localTree, memoryTree } from '../../crawler/fetch/source-tree.ts';
import type { Tool } from '../../crawler/model/index.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

async function toolsOf(name: string): Promise<Tool[]> {
  return (await extractRepository(localTree(fixture(name)), name)).tools;
}

describe('Python low-level Server tools', () => {
  it('names Tool objects from str-Enum members and maps pydantic models to their schema (PY-08)', async () => {
    const tools = await toolsOf('py-lowlevel-enum-pydantic');
    expect(tools.map((tool) => [tool.name, tool.line, tool.style])).toEqual([
      ['git_status', 36, 'Server.list_tools'],
      ['git_diff', 42, 'Server.list_tools'],
      ['git_push', 50, 'Server.list_tools'],
    ]);
    const [status, diff, push] = tools;
    expect(status).toMatchObject({ nameResolved: true, description: 'Shows the working tree status', sdk: 'py-mcp', handler: null });
    expect(status.annotations).toEqual({ readOnlyHint: true, destructiveHint: false });
    expect(status.annotationsOrigin).toEqual({ readOnlyHint: 'explicit', destructiveHint: 'explicit', idempotentHint: 'absent', openWorldHint: 'absent' });
    expect(diff.inputSchema).toEqual({
      type: 'object', title: 'GitDiff',
      properties: {
        repo_path: { type: 'string' },
        target: { type: 'string' },
        context_lines: { type: 'integer', default: 3 },
        path: { anyOf: [{ type: 'string' }, { type: 'null' }], description: 'Limit the diff to this path', default: null },
      },
      required: ['repo_path', 'target'],
    });
    expect(push.inputSchema).toEqual({ type: 'object', properties: { remote: { type: 'string' } }, required: ['remote'] });
    expect(push.conditions).toEqual([{ kind: 'branch', expr: 'allow_push' }]);
  });

  it('does not take prompts for tools', async () => {
    const tools = await toolsOf('py-lowlevel-enum-pydantic');
    expect(tools.filter((tool) => tool.description === 'Not a tool')).toEqual([]);
  });

  it('follows an mcp 2.x ListToolsResult with input_schema and snake_case annotations (PY-09)', async () => {
    const source = [
      'from mcp.server import Server',
      'from mcp.types import ListToolsResult, Tool, ToolAnnotations',
      '',
      'async def handle_list_tools(ctx, params) -> ListToolsResult:',
      '    return ListToolsResult(tools=[',
      '        Tool(',
      '            name="add",',
      '            description="Add two numbers",',
      '            input_schema={"type": "object", "properties": {"a": {"type": "number"}}, "required": ["a"]},',
      '            annotations=ToolAnnotations(read_only_hint=True),',
      '        ),',
      '    ])',
      '',
      'server = Server("calc", on_list_tools=handle_list_tools)',
    ].join('\n');
    const extraction = await extractRepository(memoryTree('v2', { 'requirements.txt': 'mcp>=2.0\n', 'server.py': source }), 'v2');
    expect(extraction.tools).toHaveLength(1);
    expect(extraction.tools[0]).toMatchObject({ name: 'add', line: 7, description: 'Add two numbers' });
    expect(extraction.tools[0].inputSchema).toEqual({ type: 'object', properties: { a: { type: 'number' } }, required: ['a'] });
    expect(extraction.tools[0].annotations).toEqual({ readOnlyHint: true });
  });

  it('records Tool objects built in a comprehension as dynamic instead of inventing names', async () => {
    const source = [
      'import mcp.types as types',
      'SPECS = load_specs()',
      '',
      'async def list_tools():',
      '    return [types.Tool(name=spec["name"], description=spec["doc"], inputSchema={}) for spec in SPECS]',
    ].join('\n');
    const extraction = await extractRepository(memoryTree('loop', { 'requirements.txt': 'mcp\n', 'server.py': source }), 'loop');
    expect(extraction.tools).toEqual([]);
    expect(extraction.dynamic).toMatchObject([{ file: 'server.py', line: 5 }]);
  });
});

describe('Python servers generated from an API description', () => {
  it('records FastMCP.from_openapi as dynamic tools, with the line of the call (PY-12)', async () => {
    const source = 'import httpx\nfrom fastmcp import FastMCP\n\nspec = httpx.get("https://example.com/openapi.json").json()\nmcp = FastMCP.from_openapi(openapi_spec=spec, client=httpx.AsyncClient())\n';
    const extraction = await extractRepository(memoryTree('openapi', { 'requirements.txt': 'fastmcp\n', 'server.py': source }), 'openapi');
    expect(extraction.tools).toEqual([]);
    expect(extraction.dynamic).toMatchObject([{ file: 'server.py', line: 5, reason: expect.stringContaining('FastMCP.from_openapi') }]);
  });
});

describe('Python tool-handler classes of low-level servers', () => {
  it('names Tool(name=self.name) after the value each subclass passes to super().__init__, through a base class in another module', async () => {
    const extraction = await extractRepository(localTree(fixture('py-tool-handler-classes')), 'vault');
    expect(extraction.tools.map((tool) => [tool.name, tool.nameResolved, tool.file, tool.line, tool.description])).toEqual([
      ['vault_list_files', true, 'vault/tools.py', 14, 'List the files of the vault.'],
      ['vault_delete_file', true, 'vault/tools.py', 26, 'Delete a file.'],
    ]);
    expect(extraction.tools[1].inputSchema?.required).toEqual(['path']);
  });
});

describe('Python Tool objects built in loops over written values', () => {
  it('lists one tool per value of a literal tuple or a small range, and keeps a computed family as one unresolved tool', async () => {
    const tools = await toolsOf('py-tool-list-comprehension');
    expect(tools.map((tool) => [tool.name, tool.nameResolved, tool.line])).toEqual([
      ['greet_dataclass', true, 8], ['greet_pydantic', true, 8],
      ['page_1', true, 15], ['page_2', true, 15],
      ['gen_{n}', false, 17],
    ]);
    expect(tools[1].description).toBe('Greet (pydantic input shape)');
  });
});

