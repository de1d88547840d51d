import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractRepository } from '../../crawler/extract/index.ts';
import { localTree, memoryTree } from '../../crawler/fetch/source-tree.ts';
import type { Extraction, Tool } from '../../crawler/model/index.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

async function extractionOf(name: string): Promise<Extraction> {
  return extractRepository(localTree(fixture(name)), name);
}

async function toolsOf(name: string): Promise<Map<string, Tool>> {
  return new Map((await extractionOf(name)).tools.map((tool) => [tool.name, tool]));
}

const ABSENT_HINTS = { readOnlyHint: 'absent', destructiveHint: 'absent', idempotentHint: 'absent', openWorldHint: 'absent' };

describe('Rust: rmcp #[tool] in a #[tool_router] impl with Parameters<T> (RS-01)', () => {
  it('names the tool after the method and reads the attribute’s description, on the attribute’s line', async () => {
    const tools = await toolsOf('rs-tool-router-parameters');
    expect([...tools.keys()]).toEqual(['sum', 'current']);
    expect(tools.get('sum')).toMatchObject({
      description: 'Calculate the sum of two numbers',
      file: 'src/main.rs',
      line: 19,
      sdk: 'rust-rmcp',
      style: 'rmcp#[tool]',
      confidence: 1,
      annotations: null,
      annotationsOrigin: ABSENT_HINTS,
    });
  });

  it('derives the schema from the struct: serde renames, Option and #[serde(default)] optional, field descriptions', async () => {
    const sum = (await toolsOf('rs-tool-router-parameters')).get('sum')!;
    expect(sum.inputSchema).toEqual({
      type: 'object',
      properties: {
        leftSide: { type: 'integer', description: 'the left hand side number' },
        rightSide: { type: 'integer', description: 'The right hand side number.' },
        labels: { type: 'array', items: { type: 'string' } },
      },
      required: ['leftSide'],
    });
  });

  it('gives a method without parameters an empty object schema', async () => {
    expect((await toolsOf('rs-tool-router-parameters')).get('current')!.inputSchema).toEqual({ type: 'object', properties: {} });
  });
});

describe('Rust: #[tool] described by /// lines only (RS-02)', () => {
  it('joins the trimmed doc lines with newlines, dropping empty ones, as rmcp does', async () => {
    const increment = (await toolsOf('rs-tool-doc-comments')).get('increment')!;
    expect(increment).toMatchObject({ description: 'Increment the counter by one.\nReturns the new value.', descriptionResolved: 'full', line: 10 });
  });
});

describe('Rust: raw-string description next to rustdoc (RS-03)', () => {
  it('prefers the attribute over the doc comment and keeps the raw string verbatim', async () => {
    const query = (await toolsOf('rs-tool-raw-string-description')).get('query')!;
    expect(query.description).toBe('\nExecute a raw "SurrealQL" query.\n\nUse parameters to avoid injection.');
    expect(query).toMatchObject({ file: 'src/tools.rs', line: 10 });
  });

  it('finds the parameter struct in the module a use declaration names', async () => {
    const query = (await toolsOf('rs-tool-raw-string-description')).get('query')!;
    expect(query.inputSchema).toEqual({
      type: 'object',
      properties: {
        query: { type: 'string', description: 'The SurrealQL query string' },
        parameters: { type: 'object', description: 'Optional parameters to bind to the query' },
      },
      required: ['query'],
    });
  });

  it('joins a string continued with a trailing backslash without the next line’s indentation', async () => {
    expect((await toolsOf('rs-tool-raw-string-description')).get('ping')!.description).toBe('Line one continues here');
  });
});

describe('Rust: name override, title and annotations (RS-04)', () => {
  it('takes name and title from the attribute and a description from a concat! constant', async () => {
    const list = (await toolsOf('rs-tool-name-annotations')).get('list-files')!;
    expect(list).toMatchObject({ title: 'List files', description: 'List the files of a folder', descriptionResolved: 'full', line: 9 });
  });

  it('marks only the hints written in annotations(...) as explicit', async () => {
    const tools = await toolsOf('rs-tool-name-annotations');
    expect(tools.get('list-files')!.annotations).toEqual({ readOnlyHint: true, openWorldHint: false });
    expect(tools.get('list-files')!.annotationsOrigin).toEqual({ ...ABSENT_HINTS, readOnlyHint: 'explicit', openWorldHint: 'explicit' });
    expect(tools.get('remove_file')!.annotations).toEqual({ destructiveHint: true });
    expect(tools.get('remove_file')!.annotationsOrigin).toEqual({ ...ABSENT_HINTS, destructiveHint: 'explicit' });
  });
});

describe('Rust: legacy #[tool(tool_box)] (RS-05)', () => {
  it('reads an aggregated struct argument and one property per #[tool(param)] argument', async () => {
    const tools = await toolsOf('rs-legacy-tool-box');
    expect([...tools.keys()]).toEqual(['sum', 'sub']);
    expect(tools.get('sum')!.inputSchema).toEqual({
      type: 'object',
      properties: { a: { type: 'integer', description: 'the left hand side number' }, b: { type: 'integer' } },
      required: ['a', 'b'],
    });
    expect(tools.get('sub')!).toMatchObject({ line: 20, description: 'Calculate the difference of two numbers' });
    expect(tools.get('sub')!.inputSchema).toEqual({
      type: 'object',
      properties: {
        a: { type: 'integer', description: 'the left hand side number' },
        b: { type: 'integer', description: 'the right hand side number' },
      },
      required: ['a'],
    });
  });
});

describe('Rust: Tool::new (RS-06)', () => {
  it('reads constructors inside vec![], resolving a const name and a format!() description in part, and records a computed name as dynamic', async () => {
    const extraction = await extractionOf('rs-tool-new');
    const tools = new Map(extraction.tools.map((tool) => [tool.name, tool]));
    expect([...tools.keys()]).toEqual(['execute', 'introspect']);
    expect(tools.get('execute')).toMatchObject({
      style: 'rmcp Tool::new',
      line: 15,
      description: 'Execute a GraphQL operation. ${description_hint}',
      descriptionResolved: 'partial',
    });
    expect(tools.get('execute')!.inputSchema).toEqual({
      type: 'object',
      properties: { query: { type: 'string', description: 'The GraphQL operation' } },
      required: ['query'],
    });
    expect(tools.get('introspect')).toMatchObject({ description: 'Get the schema', line: 16 });
    expect(extraction.dynamic).toMatchObject([{ file: 'src/main.rs', line: 19 }]);
  });
});

describe('Rust: test-only code (RS-08)', () => {
  it('ignores tools declared under #[cfg(test)]', async () => {
    const extraction = await extractionOf('rs-cfg-test-ignored');
    expect(extraction.tools.map((t) => t.name)).toEqual(['real']);
    expect(extraction.dynamic).toEqual([]);
  });
});

describe('Rust: hostile or odd input', () => {
  const cargo = '[package]\nname = "x"\n\n[dependencies]\nrmcp = "0.6"\n';

  it('still extracts other files when one does not parse', async () => {
    const extraction = await extractRepository(
      memoryTree('broken', {
        'Cargo.toml': cargo,
        'src/broken.rs': 'use rmcp::tool;\n#[tool_router]\nimpl X {\n #[tool(description = "half"\n fn (((',
        'src/good.rs': 'use rmcp::tool;\n#[tool_router]\nimpl X {\n    #[tool(description = "fine")]\n    fn good(&self) {}\n}\n',
      }),
      'broken',
    );
    expect(extraction.tools.map((t) => t.name)).toContain('good');
  });

  it('survives constants that refer to each other in a cycle', async () => {
    const extraction = await extractRepository(
      memoryTree('cycle', {
        'Cargo.toml': cargo,
        'src/lib.rs': 'use rmcp::tool;\nconst A: &str = B;\nconst B: &str = A;\n#[tool_router]\nimpl X {\n    #[tool(description = A)]\n    fn looped(&self) {}\n}\n',
      }),
      'cycle',
    );
    expect(extraction.tools[0]).toMatchObject({ name: 'looped', descriptionResolved: 'none' });
  });
});
