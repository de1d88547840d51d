import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractRepository } from '../../crawler/extract/index.ts';
import { localTree } from '../../crawler/fetch/source-tree.ts';
import type { Tool } from '../../crawler/model/index.ts';

async function toolsOf(fixture: string): Promise<Tool[]> {
  const dir = fileURLToPath(new URL(`../fixtures/${fixture}/`, import.meta.url));
  return (await extractRepository(localTree(dir), fixture)).tools;
}

describe('wrapper functions whose tool name is a parameter', () => {
  it('reports each call of the wrapper as a tool, at the call, and not the wrapper body', async () => {
    const tools = await toolsOf('ts-wrapper-tool-name');
    expect(tools.map((tool) => [tool.name, tool.file, tool.line])).toEqual([
      ['open_invoice', 'src/billing.ts', 8],
      ['charge_card', 'src/paid.ts', 10],
      ['refund', 'src/paid.ts', 12],
    ]);
  });

  it('reads description and schema through the wrapper, and keeps the condition around the call', async () => {
    const refund = (await toolsOf('ts-wrapper-tool-name')).find((tool) => tool.name === 'refund')!;
    expect(refund).toMatchObject({ description: 'Refunds a charge', nameResolved: true, confidence: 0.9 });
    expect(refund.inputSchema).toEqual({ type: 'object', properties: { charge: { type: 'string' } }, required: ['charge'] });
    expect(refund.conditions).toEqual([{ kind: 'env', expr: 'process.env.REFUNDS' }]);
  });

  it('follows a second wrapper that takes the name inside an options object, from a file with no registering call', async () => {
    const invoice = (await toolsOf('ts-wrapper-tool-name')).find((tool) => tool.name === 'open_invoice')!;
    expect(invoice).toMatchObject({ description: 'Opens an invoice', file: 'src/billing.ts' });
  });
});
