import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractRepository } from '../../crawler/extract/index.ts';
import { localTree, memoryTree } from '../../crawler/fetch/source-tree.ts';
import type { Tool } from '../../crawler/model/index.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

async function toolsOf(name: string): Promise<Tool[]> {
  return (await extractRepository(localTree(fixture(name)), name)).tools;
}

async function toolsOfSource(source: string): Promise<Tool[]> {
  return (await extractRepository(memoryTree('inline', { 'requirements.txt': 'mcp>=1.10\n', 'server.py': source }), 'inline')).tools;
}

describe('Python string resolution', () => {
  it('resolves names and descriptions through constants, imports, class attributes, Enums, dedent and concatenation', async () => {
    const tools = await toolsOf('py-string-forms');
    expect(tools.map((tool) => [tool.name, tool.nameResolved])).toEqual([
      ['files_read', true], ['files_write', true], ['files_raw\\n', true], ['files_list', true],
    ]);
    const [read, write, raw, list] = tools;
    expect(read.description).toBe('Read a file.\n  Indented detail.');
    expect(write.description).toBe('Write a file.');
    expect(raw.description).toBe('Unicode é\tescape');
    expect(list.description).toBe('\n    List files.\n\n    Args:\n        path: the folder\n');
    expect(read.confidence).toBe(0.95);
  });

  it('keeps the known parts of an f-string description with a placeholder for the unknown one (PY-10)', async () => {
    const [tool] = await toolsOf('py-fstring-description');
    expect(tool).toMatchObject({ name: 'aws_call', nameResolved: true, descriptionResolved: 'partial', sdk: 'py-fastmcp' });
    expect(tool.description).toBe('Execute AWS CLI commands.\n    - Commands run in {DEFAULT_REGION} by default.\n    - Commands are validated first.');
  });

  it('reads every string prefix and quote style', async () => {
    const tools = await toolsOfSource([
      'from mcp.server.fastmcp import FastMCP',
      'mcp = FastMCP("s")',
      "@mcp.tool(name=u'single', description='it\\'s \\x41')",
      'def a(): pass',
      "@mcp.tool(name=R'raw\\d', description=B'''bytes''')",
      'def b(): pass',
      '@mcp.tool(name=F"f_{1}", description=rf"\\w {\'x\'}")',
      'def c(): pass',
      '@mcp.tool(name=("paren" "thesized"), description="a" + "b" + "c")',
      'def d(): pass',
      '@mcp.tool(name=" ".join(["x", "y"]).replace(" ", "_"), description="  padded  ".strip())',
      'def e(): pass',
    ].join('\n'));
    expect(tools.map((tool) => [tool.name, tool.description])).toEqual([
      ['single', "it's A"],
      ['raw\\d', 'bytes'],
      ['f_1', '\\w x'],
      ['parenthesized', 'abc'],
      ['" ".join(["x", "y"]).replace(" ", "_")', 'padded'],
    ]);
    expect(tools[4].nameResolved).toBe(false);
  });

  it('gives up on self-referential constants instead of looping', async () => {
    const [tool] = await toolsOfSource([
      'from mcp.server.fastmcp import FastMCP',
      'mcp = FastMCP("s")',
      'A = B + "x"',
      'B = A + "y"',
      '@mcp.tool(name=A)',
      'def a(): pass',
    ].join('\n'));
    expect(tool.nameResolved).toBe(false);
    expect(tool.line).toBe(5);
  });
});
