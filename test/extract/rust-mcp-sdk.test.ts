import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractRepository } from '../../crawler/extract/index.ts';
import { localTree } from '../../crawler/fetch/source-tree.ts';
import type { Tool } from '../../crawler/model/index.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

async function toolsOf(name: string): Promise<Map<string, Tool>> {
  const extraction = await extractRepository(localTree(fixture(name)), name);
  return new Map(extraction.tools.map((tool) => [tool.name, tool]));
}

describe('Rust: rust-mcp-sdk #[mcp_tool] structs with tool_box! (RS-07)', () => {
  it('reads name, title, description and the hints written, on the attribute’s line', async () => {
    const tools = await toolsOf('rs-mcp-tool-struct');
    expect([...tools.keys()].sort()).toEqual(['say_goodbye', 'say_hello']);
    const hello = tools.get('say_hello')!;
    expect(hello).toMatchObject({
      sdk: 'rust-mcp-sdk',
      title: 'A tool that says hello!',
      description: 'Accepts a person\'s name and says a personalized "Hello" to that person',
      file: 'src/tools.rs',
      line: 4,
      confidence: 1,
    });
    expect(hello.annotations).toEqual({ idempotentHint: false, readOnlyHint: true });
    expect(hello.annotationsOrigin).toEqual({ readOnlyHint: 'explicit', destructiveHint: 'absent', idempotentHint: 'explicit', openWorldHint: 'absent' });
  });

  it('takes the struct’s fields as the input schema, Option fields not required', async () => {
    const hello = (await toolsOf('rs-mcp-tool-struct')).get('say_hello')!;
    expect(hello.inputSchema).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string', description: 'The name of the person to greet.' },
        times: { type: 'integer', description: 'How many times to say it.' },
      },
      required: ['name'],
    });
  });

  it('reads a path-qualified attribute and a continued string, with less confidence outside any tool_box!', async () => {
    const goodbye = (await toolsOf('rs-mcp-tool-struct')).get('say_goodbye')!;
    expect(goodbye).toMatchObject({ description: 'Says goodbye. Politely.', line: 23, confidence: 0.9 });
  });

  it('ignores #[mcp_tool] structs under #[cfg(test)]', async () => {
    expect((await toolsOf('rs-mcp-tool-struct')).has('test_only')).toBe(false);
  });
});

describe('Rust: a #[tool] outside any router impl', () => {
  it('is kept with low confidence, higher when code routes its generated _tool_attr()', async () => {
    const tools = await toolsOf('rs-tool-outside-router');
    expect(tools.get('orphan')).toMatchObject({ description: 'Maybe served', confidence: 0.6 });
    expect(tools.get('echo')).toMatchObject({ description: 'Echo the text', confidence: 0.9, line: 15 });
  });
});
