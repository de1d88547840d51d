import { describe, expect, it } from 'vitest';
import { extractRepository } from '../../crawler/extract/index.ts';
import { memoryTree } from '../../crawler/fetch/source-tree.ts';

const GOOD_SERVER = `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
const server = new McpServer({ name: "ok", version: "1.0.0" });
server.tool("still_here", "Reads the current time", async () => ({ content: [] }));
`;

describe('extraction of a repository holding hostile files', () => {
  it('warns about each bad file and still extracts every good one', async () => {
    const bundle = `server.tool("x","y",async()=>1);${'var a=1;'.repeat(6_600_000)}`; // ~50 MB, one line
    const nested = `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nconst x = ${'['.repeat(20_000)}${']'.repeat(20_000)};\n`;
    const tree = memoryTree('hostile', {
      'package.json': JSON.stringify({ name: 'hostile', dependencies: { '@modelcontextprotocol/sdk': '^1.20.0' } }),
      'src/index.ts': GOOD_SERVER,
      'src/bundle.js': bundle,
      'src/logo.ts': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
      'src/latin1.py': Buffer.concat([Buffer.from('from mcp.server.fastmcp import FastMCP\nmcp = FastMCP("l")\n# caf'), Buffer.from([0xe9]), Buffer.from('\n@mcp.tool()\ndef cafe() -> str:\n    """Says hello"""\n    return "hi"\n')]),
      'src/nested.ts': nested,
      'src/broken.go': 'package main\nimport "github.com/mark3labs/mcp-go/mcp"\nfunc f() { mcp.NewTool("half", mcp.WithDescription("x"\n',
      'src/broken.rs': '#[tool_router]\nimpl S {\n    #[tool(description = "d")]\n    fn oops(&self -> String {\n',
    });
    const extraction = await extractRepository(tree, 'hostile');
    const names = extraction.tools.map((t) => t.name);
    expect(names).toContain('still_here');
    expect(names).toContain('cafe');
    const warned = new Set(extraction.warnings.map((w) => w.file));
    expect(warned.has('src/bundle.js')).toBe(true);
    expect(warned.has('src/logo.ts')).toBe(true);
    expect(warned.has('src/latin1.py')).toBe(true);
  });
});
