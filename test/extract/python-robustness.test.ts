import { describe, expect, it } from 'vitest';
import { extractRepository } from '../../crawler/extract/index.ts';
import { memoryTree } from '../../crawler/fetch/source-tree.ts';

const GOOD = ['from mcp.server.fastmcp import FastMCP', 'mcp = FastMCP("ok")', '@mcp.tool()', 'def ping() -> str:', '    """Ping."""', '    return "pong"'].join('\n');

describe('Python extraction on hostile or broken files', () => {
  it('still reads the other files, and the valid part of a file, when one has syntax errors', async () => {
    const broken = [GOOD.replace('ping', 'pong'), 'def oops(:', '    return ((('].join('\n');
    const extraction = await extractRepository(memoryTree('broken', { 'requirements.txt': 'mcp\n', 'a.py': broken, 'b.py': GOOD }), 'broken');
    expect(extraction.tools.map((tool) => `${tool.file}:${tool.name}`)).toEqual(['a.py:pong', 'b.py:ping']);
    expect(extraction.warnings.some((warning) => warning.file === 'a.py' && /syntax/.test(warning.message))).toBe(true);
  });

  it('skips a file nested thousands of levels deep with a warning, and reads the rest', async () => {
    const deep = `from mcp.server.fastmcp import FastMCP\nmcp = FastMCP("x")\nx = ${'['.repeat(3000)}${']'.repeat(3000)}\n@mcp.tool()\ndef f(): pass\n`;
    const extraction = await extractRepository(memoryTree('deep', { 'requirements.txt': 'mcp\n', 'deep.py': deep, 'ok.py': GOOD }), 'deep');
    expect(extraction.tools.map((tool) => tool.name)).toContain('ping');
    expect(extraction.warnings.some((warning) => warning.file === 'deep.py')).toBe(true);
  });

  it('reads a long chain of constants up to a bound, then keeps the source text', async () => {
    const chain = Array.from({ length: 30 }, (_, index) => `C${index} = C${index + 1}`).join('\n');
    const source = `from mcp.server.fastmcp import FastMCP\nmcp = FastMCP("x")\n${chain}\nC30 = "deep"\n@mcp.tool(name=C0)\ndef f(): pass\n`;
    const extraction = await extractRepository(memoryTree('chain', { 'requirements.txt': 'mcp\n', 'chain.py': source }), 'chain');
    expect(extraction.tools).toMatchObject([{ name: 'C0', nameResolved: false }]);
  });

  it('warns that a bare @mcp.tool fails on the official SDK but keeps the tool with less confidence', async () => {
    const source = 'from mcp.server.fastmcp import FastMCP\nmcp = FastMCP("x")\n@mcp.tool\ndef f(): pass\n';
    const extraction = await extractRepository(memoryTree('bare', { 'requirements.txt': 'mcp\n', 'server.py': source }), 'bare');
    expect(extraction.tools).toMatchObject([{ name: 'f', line: 3 }]);
    expect(extraction.tools[0].confidence).toBeLessThan(1);
    expect(extraction.warnings.map((warning) => warning.message).join()).toMatch(/@mcp\.tool\(\)/);
  });

  it('follows a receiver imported from the module that builds the FastMCP server', async () => {
    const extraction = await extractRepository(memoryTree('split', {
      'pyproject.toml': '[project]\ndependencies = ["mcp>=1.10"]\n',
      'pkg/__init__.py': '',
      'pkg/app.py': 'from mcp.server.fastmcp import FastMCP\nmcp = FastMCP("split")\n',
      'pkg/tools/files.py': 'from ..app import mcp\n\n@mcp.tool()\ndef read_file(path: str) -> str:\n    """Read a file."""\n    return path\n',
    }), 'split');
    expect(extraction.tools).toMatchObject([{ name: 'read_file', file: 'pkg/tools/files.py', line: 3, sdk: 'py-mcp', description: 'Read a file.' }]);
  });
});
