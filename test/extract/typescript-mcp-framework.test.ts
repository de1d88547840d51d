import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractRepository } from '../../crawler/extract/index.ts';
import { localTree } from '../../crawler/fetch/source-tree.ts';

describe('mcp-framework class tools', () => {
  it('reads a class extending MCPTool as a tool, its fields as name, description and schema', async () => {
    const dir = fileURLToPath(new URL('../fixtures/ts-mcp-framework-class/', import.meta.url));
    const { tools } = await extractRepository(localTree(dir), 'ts-mcp-framework-class');
    expect(tools).toHaveLength(1);
    expect(tools[0]).toMatchObject({
      name: 'greeting', description: 'Greets a person by name', file: 'src/tools/GreetingTool.ts', line: 10,
      sdk: 'ts-mcp-framework', style: 'MCPTool class', handler: { file: 'src/tools/GreetingTool.ts', startLine: 18, endLine: 20 },
    });
    expect(tools[0].inputSchema).toEqual({ type: 'object', properties: { name: { type: 'string' }, loud: { type: 'boolean' } }, required: ['name'] });
  });
});
