import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractRepository } from '../../crawler/extract/index.ts';
import { localTree } from '../../crawler/fetch/source-tree.ts';

async function extractionOf(fixture: string) {
  const dir = fileURLToPath(new URL(`../fixtures/${fixture}/`, import.meta.url));
  return extractRepository(localTree(dir), fixture);
}

describe('tools generated from an OpenAPI document at run time (TS-15)', () => {
  it('records the generator as dynamic, with the spec it found', async () => {
    const { dynamic } = await extractionOf('ts-openapi-generated');
    expect(dynamic).toEqual([expect.objectContaining({ file: 'src/proxy.ts', line: 13, reason: expect.stringMatching(/^openapi: .*openapi\/petstore\.json/) })]);
  });

  it('lists the operations of the spec kept in the repository as low-confidence tools', async () => {
    const { tools } = await extractionOf('ts-openapi-generated');
    expect(tools.map((tool) => [tool.name, tool.file, tool.line, tool.description])).toEqual([
      ['listPets', 'openapi/petstore.json', 7, 'List all pets'],
      ['createPet', 'openapi/petstore.json', 12, 'Create a pet'],
    ]);
    expect(tools.every((tool) => tool.confidence === 0.3 && tool.inputSchemaSource === 'openapi')).toBe(true);
  });
});
