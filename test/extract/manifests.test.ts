import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractRepository } from '../../crawler/extract/index.ts';
import { localTree, memoryTree } from '../../crawler/fetch/source-tree.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

describe('MCPB manifest tools lists (MF-01)', () => {
  it('lists the manifest tools the code does not declare, with low confidence, and notes generated tools', async () => {
    const extraction = await extractRepository(localTree(join(FIXTURES, 'mf-mcpb-manifest')), 'mf-mcpb-manifest');
    const byName = Object.fromEntries(extraction.tools.map((t) => [t.name, t]));
    expect(Object.keys(byName).sort()).toEqual(['list_folder', 'move_file', 'undocumented_tool']);
    // The code's own definition wins over the manifest's.
    expect(byName.move_file.file).toBe('server/index.js');
    expect(byName.move_file.origin).not.toBe('manifest');
    expect(byName.move_file.description).toContain('replacing any file');
    expect(byName.list_folder).toMatchObject({ file: 'manifest.json', line: 8, origin: 'manifest', description: 'List the files of a folder' });
    expect(byName.list_folder.confidence).toBeLessThan(0.5);
    expect(byName.undocumented_tool).toMatchObject({ description: null, descriptionResolved: 'none' });
    expect(extraction.dynamic).toEqual([expect.objectContaining({ file: 'manifest.json', reason: expect.stringContaining('tools_generated') })]);
  });

  it('does not repeat a code tool that the manifest lists under a display name', async () => {
    const extraction = await extractRepository(memoryTree('display', {
      'package.json': JSON.stringify({ name: 'display', dependencies: { '@modelcontextprotocol/sdk': '1.20.0' } }),
      'manifest.json': JSON.stringify({ manifest_version: '0.3', tools: [{ name: 'Resolve Library ID', description: 'Resolves a package name to a library id. Use it first.' }] }),
      'src/index.ts': 'import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nconst server = new McpServer({ name: "d", version: "1" });\n'
        + 'server.tool("resolve-library-id", "Resolves a package name to a library id. Call it before get-docs.", async () => ({ content: [] }));\n',
    }), 'display');
    expect(extraction.tools.map((t) => t.name)).toEqual(['resolve-library-id']);
  });

  it('warns about a manifest that is not JSON and goes on', async () => {
    const extraction = await extractRepository(memoryTree('bad', { 'manifest.json': '{"manifest_version": "0.3", "tools": [' }), 'bad');
    expect(extraction.tools).toEqual([]);
    expect(extraction.warnings).toEqual([expect.objectContaining({ file: 'manifest.json', message: expect.stringContaining('not valid JSON') })]);
  });
});
