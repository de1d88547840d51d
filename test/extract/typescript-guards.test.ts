import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractRepository } from '../../crawler/extract/index.ts';
import { localTree } from '../../crawler/fetch/source-tree.ts';
import type { Tool } from '../../crawler/model/index.ts';

async function toolsOf(fixture: string): Promise<Tool[]> {
  const dir = fileURLToPath(new URL(`../fixtures/${fixture}/`, import.meta.url));
  return (await extractRepository(localTree(dir), fixture)).tools;
}

describe('registrations guarded by expressions, renamed, or added as a list', () => {
  it('records a ternary as a condition on each branch and && as a condition on its right side', async () => {
    const tools = await toolsOf('ts-guarded-expressions');
    expect(tools.map((tool) => [tool.name, tool.line, tool.conditions])).toEqual([
      ['peek', 6, [{ kind: 'cli-flag', expr: 'readOnly' }]],
      ['poke', 6, [{ kind: 'cli-flag', expr: '!(readOnly)' }]],
      ['drop_all', 7, [{ kind: 'env', expr: 'process.env.ADMIN' }]],
    ]);
  });

  it('reports a tool renamed through its handle under the new name, at the registration', async () => {
    const tools = await toolsOf('ts-renamed-handle');
    expect(tools.map((tool) => [tool.name, tool.line, tool.description])).toEqual([['lookup', 5, 'Looks a record up']]);
  });

  it('reads each element of a fastmcp addTools list as a tool', async () => {
    const tools = await toolsOf('ts-add-tools-array');
    expect(tools.map((tool) => [tool.name, tool.line, tool.style])).toEqual([
      ['search', 4, 'FastMCP.addTools'],
      ['reindex', 8, 'FastMCP.addTools'],
    ]);
  });
});
