import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractRepository } from '../../crawler/extract/index.ts';
import { localTree, memoryTree } from '../../crawler/fetch/source-tree.ts';
import type { Extraction } from '../../crawler/model/index.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

async function extract(name: string): Promise<Extraction> {
  return extractRepository(localTree(fixture(name)), name);
}

describe('Python helpers that register tools from their parameters', () => {
  it('lists a tool at each call site of a helper, one or two levels deep, and none inside the helper', async () => {
    const { tools, dynamic } = await extract('py-wrapper-helper');
    expect(tools.map((tool) => [tool.name, tool.file, tool.line])).toEqual([
      ['list_buckets', 'app/server.py', 24],
      ['read_object', 'app/server.py', 25],
      ['put_object', 'app/server.py', 27],
    ]);
    expect(tools[0]).toMatchObject({ description: 'List every bucket.', descriptionResolved: 'full', handler: { file: 'app/server.py', startLine: 10 } });
    expect(tools[0].inputSchema).toEqual({ type: 'object', properties: {} });
    // A name inferred through a helper is less certain than one written in an SDK call.
    expect(tools[0].confidence).toBeLessThan(1);
    expect(tools[2].conditions).toEqual([{ kind: 'env', expr: 'os.environ.get("ALLOW_WRITES")' }]);
    expect(dynamic).toEqual([]);
  });

  it('follows a proxied tool built by Tool.from_tool(remote, **kwargs) to the name its caller passes, and counts it once', async () => {
    const { tools } = await extract('py-wrapper-proxied-tool');
    expect(tools.map((tool) => [tool.name, tool.file, tool.line, tool.descriptionResolved])).toEqual([
      ['read_iac_documentation_page', 'server.py', 13, 'none'],
    ]);
  });

  it('says a helper registers tools when no call site names them, instead of inventing a tool named after the parameter', async () => {
    const source = 'from fastmcp import FastMCP\n\ndef register(mcp: FastMCP, name: str, fn):\n    mcp.tool(fn, name=name)\n';
    const extraction = await extractRepository(memoryTree('lib', { 'requirements.txt': 'fastmcp\n', 'lib.py': source }), 'lib');
    expect(extraction.tools).toEqual([]);
    expect(extraction.dynamic).toMatchObject([{ file: 'lib.py', line: 3, reason: expect.stringMatching(/register\(\) registers tools named by its parameters/) }]);
  });

  it('records a helper called in a loop over a run-time inventory as dynamic, not as a tool named after the variable', async () => {
    const source = [
      'from mcp.server.fastmcp import FastMCP',
      'mcp = FastMCP("lambda")',
      '',
      'def create_lambda_tool(function_name: str):',
      '    mcp.tool(name=function_name)(lambda: None)',
      '',
      'def register(client):',
      '    for function in client.list_functions():',
      '        name = function["FunctionName"]',
      '        create_lambda_tool(name)',
      '',
    ].join('\n');
    const extraction = await extractRepository(memoryTree('lambda', { 'requirements.txt': 'mcp>=1.10\n', 'server.py': source }), 'lambda');
    expect(extraction.tools).toEqual([]);
    expect(extraction.dynamic).toMatchObject([{ file: 'server.py', line: 10, reason: expect.stringMatching(/one tool per item of a loop/) }]);
  });
});

