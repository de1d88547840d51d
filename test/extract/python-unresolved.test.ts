import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractRepository } from '../../crawler/extract/index.ts';
import { localTree } from '../../crawler/fetch/source-tree.ts';
import type { Tool } from '../../crawler/model/index.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

async function toolsOf(name: string): Promise<Tool[]> {
  return (await extractRepository(localTree(fixture(name)), name)).tools;
}

describe('Python values that cannot be computed statically', () => {
  it('keeps the source text of an explicit description it cannot resolve, rather than the docstring it overrides', async () => {
    const [search, lookup] = await toolsOf('py-unresolved-description');
    expect(search).toMatchObject({ name: 'search', description: null, descriptionResolved: 'none', descriptionExpr: 'load_description("search")' });
    expect(lookup).toMatchObject({ description: "Look up {load_description('kind')} records.", descriptionResolved: 'partial' });
    expect(lookup.descriptionExpr).toBe(`f"Look up {load_description('kind')} records."`);
  });

  it('names a tool after its literal part when a run-time namespace prefix is glued in front, keeping the expression', async () => {
    const [tool] = await toolsOf('py-namespace-prefix');
    expect(tool).toMatchObject({ name: 'read_cypher', nameResolved: false, nameExpr: 'namespace_prefix + "read_cypher"', line: 8 });
    expect(tool.confidence).toBeLessThan(1);
  });
});
