import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractRepository } from '../../crawler/extract/index.ts';
import { localTree } from '../../crawler/fetch/source-tree.ts';
import type { Extraction, Tool } from '../../crawler/model/index.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

async function extract(name: string): Promise<{ extraction: Extraction; tools: Map<string, Tool> }> {
  const extraction = await extractRepository(localTree(fixture(name)), name);
  return { extraction, tools: new Map(extraction.tools.map((tool) => [tool.name, tool])) };
}

describe('Go: a wrapper whose parameters fill the tool (GO-06, github-mcp-server style)', () => {
  it('reports each call of the wrapper as a tool, at the call, with the texts it passes', async () => {
    const { extraction, tools } = await extract('go-wrapper-function-parameter');
    expect([...tools.keys()].sort()).toEqual(['update_issue_body', 'update_issue_title']);
    expect(extraction.dynamic).toEqual([]);
    const title = tools.get('update_issue_title')!;
    expect(title).toMatchObject({
      description: 'Update the title of an existing issue.',
      descriptionResolved: 'full',
      file: 'update.go',
      line: 29,
      style: 'mcp.Tool via wrapper',
      confidence: 0.9,
    });
    expect(title.annotations).toMatchObject({ title: 'Update issue title', destructiveHint: false });
  });

  it('follows a second wrapper that passes its own parameter on', async () => {
    const body = (await extract('go-wrapper-function-parameter')).tools.get('update_issue_body')!;
    expect(body).toMatchObject({ description: 'Update one field of an issue.', file: 'update.go', line: 41 });
  });

  it('records the toolset the registration wrapper is given as a condition', async () => {
    const title = (await extract('go-wrapper-function-parameter')).tools.get('update_issue_title')!;
    expect(title.conditions).toEqual([{ kind: 'feature-toggle', expr: 'toolset issues' }]);
  });
});

describe('Go: a wrapper constructor whose fields reach mcp.NewTool (GO-06, razorpay style)', () => {
  it('finds the tools at the constructor’s call sites in another package', async () => {
    const { extraction, tools } = await extract('go-wrapper-constructor-fields');
    expect([...tools.keys()].sort()).toEqual(['capture_payment', 'fetch_payment']);
    expect(extraction.dynamic).toEqual([]);
    expect(tools.get('fetch_payment')).toMatchObject({
      description: 'Fetch a payment by its id',
      file: 'pkg/payments/payments.go',
      line: 17,
      handler: { file: 'pkg/payments/payments.go', startLine: 13, endLine: 15 },
    });
  });

  it('reads the parameters the call site builds with the wrapper’s mcp-go-like builders', async () => {
    const fetch = (await extract('go-wrapper-constructor-fields')).tools.get('fetch_payment')!;
    expect(fetch.inputSchema).toEqual({
      type: 'object',
      properties: { payment_id: { type: 'string', description: 'Id of the payment' } },
      required: ['payment_id'],
    });
  });

  it('treats a hint set on one branch only as declared with an unknown value', async () => {
    const fetch = (await extract('go-wrapper-constructor-fields')).tools.get('fetch_payment')!;
    expect(fetch.annotationsOrigin.readOnlyHint).toBe('explicit');
    expect(fetch.annotations).not.toHaveProperty('readOnlyHint');
  });

  it('records read and write groups: write tools are gone in read-only mode', async () => {
    const { tools } = await extract('go-wrapper-constructor-fields');
    expect(tools.get('fetch_payment')!.conditions).toEqual([{ kind: 'feature-toggle', expr: 'toolset payments' }]);
    expect(tools.get('capture_payment')!.conditions).toEqual([
      { kind: 'feature-toggle', expr: 'toolset payments' },
      { kind: 'feature-toggle', expr: 'not read-only mode (AddWriteTools)' },
    ]);
  });
});

describe('Go: metoro-io/mcp-golang RegisterTool (GO-08)', () => {
  it('reads name and description, and the schema from the handler’s argument struct with invopop tags', async () => {
    const { tools } = await extract('go-metoro-register-tool');
    expect([...tools.keys()]).toEqual(['hello', 'bye']);
    const hello = tools.get('hello')!;
    expect(hello).toMatchObject({ sdk: 'go-metoro', style: 'RegisterTool', description: 'Say hello to a person', file: 'main.go', line: 18 });
    expect(hello.inputSchema).toEqual({
      type: 'object',
      properties: {
        submitter: { type: 'string', description: 'Who calls this tool (openai, google, claude)' },
        mood: { type: 'string', description: 'How to greet', enum: ['happy', 'sad'] },
        times: { type: 'integer' },
      },
      required: ['submitter'],
    });
    expect(hello.annotations).toBeNull();
  });

  it('follows a handler declared as a package function', async () => {
    const bye = (await extract('go-metoro-register-tool')).tools.get('bye')!;
    expect(bye.handler).toEqual({ file: 'main.go', startLine: 27, endLine: 29 });
    expect(bye.inputSchema).toMatchObject({ required: ['submitter'] });
  });
});

describe('Go: a dot-imported mcp-go package', () => {
  it('reads NewTool and its options written without a qualifier', async () => {
    const ping = (await extract('go-mark3labs-dot-import')).tools.get('ping')!;
    expect(ping).toMatchObject({ description: 'Answer pong', file: 'main.go', line: 10, style: 'mcp.NewTool' });
    expect(ping.annotations).toMatchObject({ readOnlyHint: true });
    expect(ping.inputSchema).toEqual({ type: 'object', properties: { message: { type: 'string' } }, required: ['message'] });
  });
});

describe('Go: a name from a local variable and a getter of another package', () => {
  it('follows name := defaults.ToolsetName() + "_get_logs" to the getter’s default', async () => {
    const { extraction, tools } = await extract('go-local-name-getter');
    expect(extraction.dynamic).toEqual([]);
    expect(tools.get('mesh_get_logs')).toMatchObject({ nameResolved: true, file: 'pkg/tools/logs.go', line: 12, confidence: 0.95 });
  });
});
