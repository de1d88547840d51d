import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractRepository } from '../../crawler/extract/index.ts';
import { localTree, memoryTree } from '../../crawler/fetch/source-tree.ts';
import type { Extraction, Tool } from '../../crawler/model/index.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

async function extract(name: string): Promise<Extraction> {
  return extractRepository(localTree(fixture(name)), name);
}

async function toolsOf(name: string): Promise<Tool[]> {
  return (await extract(name)).tools;
}

describe('Python FastMCP decorators and registrations', () => {
  it('names a @mcp.tool() function after itself and describes it with its cleaned docstring, past a stacked decorator (PY-01)', async () => {
    const [tool, ...others] = await toolsOf('py-fastmcp-docstring');
    expect(others).toHaveLength(0);
    expect(tool).toMatchObject({
      name: 'get_scene_info', nameResolved: true, line: 8, sdk: 'py-mcp', style: 'FastMCP.tool', confidence: 1,
      description: 'Get detailed information about the current scene\n\nParameters:\n- user_prompt: The original user prompt',
      descriptionResolved: 'full', handler: { file: 'server.py', startLine: 10, endLine: 16 },
    });
    // ctx: Context is injected by the SDK, so it is not an argument the model fills in.
    expect(tool.inputSchema).toEqual({
      type: 'object',
      properties: { user_prompt: { type: 'string' }, depth: { type: 'integer', default: 2 } },
      required: ['user_prompt'],
    });
    expect(tool.annotations).toBeNull();
    expect(Object.values(tool.annotationsOrigin)).toEqual(['absent', 'absent', 'absent', 'absent']);
  });

  it('takes name, title, description and annotations from the decorator over the function and its docstring (PY-02)', async () => {
    const [tool] = await toolsOf('py-fastmcp-name-override');
    expect(tool).toMatchObject({
      name: 'analyze_cdk_project', title: 'Analyze CDK project', line: 10,
      description: 'Analyze a CDK project to identify AWS services used.', descriptionResolved: 'full',
    });
    expect(tool.annotations).toEqual({ readOnlyHint: true, openWorldHint: false });
    expect(tool.annotationsOrigin).toEqual({ readOnlyHint: 'explicit', destructiveHint: 'absent', idempotentHint: 'absent', openWorldHint: 'explicit' });
    const properties = tool.inputSchema?.properties as Record<string, Record<string, unknown>>;
    expect(Object.keys(properties)).toEqual(['project_path', 'region', 'max_results', 'tags']);
    expect(properties.project_path).toEqual({ type: 'string', description: 'Path to the project directory' });
    expect(properties.region).toMatchObject({ type: 'string', enum: ['us-east-1', 'eu-west-1'], description: 'AWS region', default: 'us-east-1' });
    expect(properties.tags).toMatchObject({ anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'null' }] });
    expect(tool.inputSchema?.required).toEqual(['project_path']);
  });

  it('accepts the bare @mcp.tool of jlowin fastmcp, dict annotations, and notes enabled=False (PY-03)', async () => {
    const extraction = await extract('py-fastmcp-bare-decorator');
    const [add, divide] = extraction.tools;
    expect(add).toMatchObject({ name: 'add', description: 'Add two numbers.', sdk: 'py-fastmcp', line: 6, confidence: 1 });
    expect(add.inputSchema?.required).toEqual(['a', 'b']);
    expect(divide.annotations).toEqual({ title: 'Divide', readOnlyHint: true, openWorldHint: false });
    expect(divide.conditions).toEqual([{ kind: 'disabled', expr: 'enabled=False' }]);
    expect(extraction.warnings.filter((warning) => warning.file.endsWith('.py'))).toEqual([]);
  });

  it('reads a positional name from @app.tool("search_notes") (PY-04)', async () => {
    const [tool] = await toolsOf('py-fastmcp-positional-name');
    expect(tool).toMatchObject({ name: 'search_notes', nameResolved: true, line: 6, handler: { startLine: 7 } });
  });

  it('warns that positional add_tool arguments changed meaning in mcp 1.10 when no manifest pins the version (PY-05)', async () => {
    const extraction = await extract('py-add-tool-positional');
    expect(extraction.tools[0]).toMatchObject({ name: 'delete_asset', title: 'Delete an asset from the catalog.', line: 11 });
    expect(extraction.warnings.map((warning) => warning.message).join('\n')).toMatch(/mcp 1\.10/);
  });

  it('counts a Tool.from_function once although it is registered again with add_tool, and reads a loop over a written list', async () => {
    const extraction = await extract('py-fastmcp-from-function');
    expect(extraction.tools.map((tool) => [tool.name, tool.style, tool.line])).toEqual([
      ['delete_asset', 'Tool.from_function', 14],
      ['archive_asset', 'FastMCP.add_tool', 19],
    ]);
    expect(extraction.tools[0].description).toBe('Delete an asset from AWS IoT SiteWise.');
    expect(extraction.tools[0].inputSchema?.required).toEqual(['asset_id']);
    expect(extraction.dynamic).toEqual([]);
  });

  it('keeps both variants of a tool registered in if/else, each with its condition and annotations (PY-07)', async () => {
    const [permissive, readOnly] = await toolsOf('py-add-tool-branches');
    expect(permissive).toMatchObject({ name: 'execute_sql', description: 'Execute any SQL query', line: 16, style: 'FastMCP.add_tool' });
    expect(permissive.annotations).toEqual({ title: 'Execute SQL', destructiveHint: true });
    expect(permissive.conditions).toEqual([{ kind: 'env', expr: 'current_access_mode == "unrestricted"' }]);
    expect(readOnly).toMatchObject({ name: 'execute_sql', description: 'Execute a read-only SQL query', line: 18 });
    expect(readOnly.annotationsOrigin.readOnlyHint).toBe('explicit');
    expect(readOnly.conditions).toEqual([{ kind: 'env', expr: 'not (current_access_mode == "unrestricted")' }]);
    expect(readOnly.handler).toEqual({ file: 'src/postgres_mcp/server.py', startLine: 10, endLine: 12 });
  });

  it('marks tools behind a module-level flag read from the environment, and other flags as branches (PY-11)', async () => {
    const tools = await toolsOf('py-env-conditional');
    expect(tools.map((tool) => [tool.name, tool.conditions])).toEqual([
      ['suggest_aws_commands', []],
      ['get_execution_plan', [{ kind: 'env', expr: 'ENABLE_AGENT_SCRIPTS' }]],
      ['delete_stack', [{ kind: 'branch', expr: 'not READ_ONLY' }]],
    ]);
    expect(tools[1].line).toBe(18);
  });

  it('finds mcp.tool(name=...)(self.method) on bound methods, without self and ctx in the schema (PY-14)', async () => {
    const [click, type] = await toolsOf('py-tool-call-method');
    expect(click).toMatchObject({ name: 'browser_click', description: 'Click an element on the page.', line: 9, handler: { startLine: 12, endLine: 14 } });
    expect(click.inputSchema).toEqual({ type: 'object', properties: { selector: { type: 'string' } }, required: ['selector'] });
    expect(type).toMatchObject({ name: 'browser_type', description: 'Type text into an element.', line: 10 });
  });

  it('keeps a tool whose name cannot be computed statically, with its source text and a low confidence', async () => {
    const [tool] = await toolsOf('py-unresolvable-name');
    expect(tool).toMatchObject({ name: 'tool_name("search")', nameResolved: false, description: 'Search everything.', line: 8 });
    expect(tool.confidence).toBeLessThan(0.6);
  });

  it('finds no MCP tool in LangChain @tool, pydantic-ai @agent.tool or a LangChain Tool(...)', async () => {
    expect(await toolsOf('py-langchain-tool-not-mcp')).toEqual([]);
  });
});

describe('Python registrations that reach into other modules', () => {
  it('reads the docstring, schema and handler of a function imported from another module of the repository', async () => {
    const extraction = await extractRepository(memoryTree('split', {
      'pyproject.toml': '[project]\ndependencies = ["mcp>=1.10"]\n',
      'omics/__init__.py': '',
      'omics/server.py': 'from mcp.server.fastmcp import FastMCP\nfrom omics.tools.workflows import list_workflows\n\nmcp = FastMCP("omics")\nmcp.tool(name="ListAHOWorkflows")(list_workflows)\n',
      'omics/tools/workflows.py': 'def list_workflows(ctx, max_results: int = 10) -> list:\n    """List workflows."""\n    return []\n',
    }), 'split');
    expect(extraction.tools).toMatchObject([{
      name: 'ListAHOWorkflows', file: 'omics/server.py', line: 5, description: 'List workflows.',
      handler: { file: 'omics/tools/workflows.py', startLine: 1, endLine: 3 },
      inputSchema: { type: 'object', properties: { ctx: {}, max_results: { type: 'integer', default: 10 } }, required: ['ctx'] },
    }]);
  });

  it('records a registration of computed functions in a loop as dynamic, not as a tool named after a variable', async () => {
    const source = 'from mcp.server.fastmcp import FastMCP\nmcp = FastMCP("gen")\n\ndef generate(operations):\n    for operation in operations:\n        func = make_function(operation)\n        mcp.tool(description=func.__doc__)(func)\n';
    const extraction = await extractRepository(memoryTree('gen', { 'requirements.txt': 'mcp\n', 'gen.py': source }), 'gen');
    expect(extraction.tools).toEqual([]);
    expect(extraction.dynamic).toMatchObject([{ file: 'gen.py', line: 7 }]);
  });
});
