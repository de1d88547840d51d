import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractRepository } from '../../crawler/extract/index.ts';
import { localTree } from '../../crawler/fetch/source-tree.ts';
import type { Extraction, Tool } from '../../crawler/model/index.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

async function extract(name: string): Promise<Extraction> {
  return extractRepository(localTree(fixture(name)), name);
}

const conditionsByName = (tools: Tool[]) => tools.map((tool) => [tool.name, tool.conditions]);

describe('Python registrations behind conditions', () => {
  it('marks tools registered behind an argparse or click flag as cli-flag conditions', async () => {
    const { tools } = await extract('py-argparse-cli-flag');
    expect(conditionsByName(tools)).toEqual([
      ['read_note', []],
      ['write_note', [{ kind: 'cli-flag', expr: 'args.allow_writes' }]],
      ['delete_note', [{ kind: 'cli-flag', expr: 'allow_delete' }]],
    ]);
  });
});
