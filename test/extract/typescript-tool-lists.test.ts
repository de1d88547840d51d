import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractRepository } from '../../crawler/extract/index.ts';
import { localTree } from '../../crawler/fetch/source-tree.ts';
import type { Extraction, Tool } from '../../crawler/model/index.ts';

async function extractionOf(fixture: string): Promise<Extraction> {
  const dir = fileURLToPath(new URL(`../fixtures/${fixture}/`, import.meta.url));
  return extractRepository(localTree(dir), fixture);
}

function byName(tools: Tool[], name: string): Tool {
  const tool = tools.find((candidate) => candidate.name === name);
  if (!tool) throw new Error(`no tool ${name} among ${tools.map((t) => t.name).join(', ')}`);
  return tool;
}

describe('low-level tools/list handlers', () => {
  it('reads enum member names and pushes under a client-capability or env check (TS-10, TS-11)', async () => {
    const { tools } = await extractionOf('ts-list-handler-capabilities');
    expect(tools.map((tool) => [tool.name, tool.line])).toEqual([['echo', 21], ['listRoots', 27], ['startElicitation', 32]]);
    expect(byName(tools, 'echo')).toMatchObject({ style: 'Server.setRequestHandler', description: 'Echoes back the input', conditions: [] });
    expect(byName(tools, 'echo').inputSchema).toEqual({
      type: 'object', properties: { message: { type: 'string', description: 'Message to echo' } }, required: ['message'],
    });
    expect(byName(tools, 'listRoots').conditions).toEqual([{ kind: 'client-capability', expr: 'clientCapabilities!.roots' }]);
    expect(byName(tools, 'startElicitation').conditions).toEqual([{ kind: 'env', expr: 'process.env.ENABLE_ELICITATION === "1"' }]);
  });

  it("accepts v2's 'tools/list' string, with title and annotations", async () => {
    const [tool] = (await extractionOf('ts-list-handler-v2-string')).tools;
    expect(tool).toMatchObject({ name: 'get_time', title: 'Current time', annotations: { readOnlyHint: true }, line: 7 });
  });

  it('follows tools.map over tool objects imported from other files, to the line of each name (TS-12)', async () => {
    const { tools } = await extractionOf('ts-list-handler-map-imports');
    expect(tools.map((tool) => [tool.name, tool.file, tool.line])).toEqual([
      ['phantom_delete_worktree', 'src/tools/delete-worktree.ts', 4],
      ['phantom_list_worktrees', 'src/tools/list-worktrees.ts', 2],
    ]);
    expect(byName(tools, 'phantom_delete_worktree').inputSchema).toMatchObject({ required: ['name'] });
  });

  it('lists every tool of a filtered list and notes the filter (TS-13)', async () => {
    const { tools } = await extractionOf('ts-list-handler-filter');
    const filter = { kind: 'feature-toggle', expr: 'filter((tool) => shouldIncludeTool(tool.name))' };
    expect(tools.map((tool) => tool.name)).toEqual(['get_config', 'start_process']);
    expect(tools.every((tool) => tool.conditions.some((c) => c.kind === filter.kind && c.expr === filter.expr))).toBe(true);
    expect(byName(tools, 'get_config')).toMatchObject({
      title: 'Get Configuration',
      description: '\nGet the complete server configuration as JSON.\nRead-only.',
      annotationsOrigin: { readOnlyHint: 'explicit', destructiveHint: 'absent' },
    });
  });

  it('takes the keys of an object map as names through Object.entries (TS-14)', async () => {
    const { tools } = await extractionOf('ts-object-map-entries');
    expect(tools.map((tool) => [tool.name, tool.line])).toEqual([['list_tables', 6], ['execute_sql', 11]]);
    expect(byName(tools, 'list_tables')).toMatchObject({
      description: 'Lists all tables in one or more schemas.',
      title: 'List tables',
      annotations: { title: 'List tables', readOnlyHint: true, destructiveHint: false },
    });
    expect(byName(tools, 'execute_sql').inputSchema).toEqual({ type: 'object', properties: { query: { type: 'string' } }, required: ['query'] });
  });
});

describe('tool objects registered in a loop', () => {
  it('reports each element of a registry built by factories in other files, at its method line', async () => {
    const { tools } = await extractionOf('ts-tool-registry-loop');
    const looped = tools.filter((tool) => tool.style === 'tool-objects-loop');
    expect(looped.map((tool) => [tool.name, tool.file, tool.line])).toEqual([
      ['list_invoices', 'src/mcp/for-of.ts', 5],
      ['void_invoice', 'src/mcp/for-of.ts', 6],
      ['retrieve_balance', 'src/shared/balance/retrieveBalance.ts', 13],
      ['create_refund', 'src/shared/refunds/createRefund.ts', 10],
    ]);
  });

  it('resolves descriptions, schemas and annotations of factory-made tool objects', async () => {
    const { tools } = await extractionOf('ts-tool-registry-loop');
    const balance = byName(tools, 'retrieve_balance');
    expect(balance).toMatchObject({
      description: '\nThis tool will retrieve the balance from Stripe. It takes no input.\n',
      descriptionResolved: 'full',
      annotations: { readOnlyHint: true, destructiveHint: false, title: 'Retrieve balance' },
      title: 'Retrieve balance',
    });
    expect(balance.inputSchema).toEqual({ type: 'object', properties: {} });
    const refund = byName(tools, 'create_refund');
    expect(refund.descriptionResolved).toBe('partial');
    expect(refund.inputSchema).toEqual({
      type: 'object',
      properties: { payment_intent: { type: 'string', description: 'The ID of the PaymentIntent to refund.' }, amount: { type: 'integer' } },
      required: ['payment_intent'],
    });
  });

  it('notes the filter a registry passes through before the loop', async () => {
    const { tools } = await extractionOf('ts-tool-registry-loop');
    expect(byName(tools, 'retrieve_balance').conditions).toEqual([
      { kind: 'feature-toggle', expr: 'filter((tool) => configuration.allowed.includes(tool.method))' },
    ]);
    expect(byName(tools, 'list_invoices').conditions).toEqual([]);
  });

  it('reads a for...of loop over a same-file array of tool objects', async () => {
    const { tools } = await extractionOf('ts-tool-registry-loop');
    expect(byName(tools, 'void_invoice')).toMatchObject({ description: 'Voids an invoice', inputSchema: { properties: { id: { type: 'string' } }, required: ['id'] } });
  });
});
