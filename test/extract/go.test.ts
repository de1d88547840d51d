import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractRepository } from '../../crawler/extract/index.ts';
import { localTree, memoryTree } from '../../crawler/fetch/source-tree.ts';
import type { Tool } from '../../crawler/model/index.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

async function toolsOf(name: string): Promise<Map<string, Tool>> {
  const extraction = await extractRepository(localTree(fixture(name)), name);
  return new Map(extraction.tools.map((tool) => [tool.name, tool]));
}

const SDK_DEFAULT_HINTS = { readOnlyHint: 'sdk-default', destructiveHint: 'sdk-default', idempotentHint: 'sdk-default', openWorldHint: 'sdk-default' };
const ABSENT_HINTS = { readOnlyHint: 'absent', destructiveHint: 'absent', idempotentHint: 'absent', openWorldHint: 'absent' };

describe('Go: mark3labs/mcp-go NewTool (GO-01)', () => {
  it('reads name, description and parameters, on the line of the name', async () => {
    const tools = await toolsOf('go-mark3labs-new-tool');
    expect([...tools.keys()]).toEqual(['add_note', 'list_notes']);
    const addNote = tools.get('add_note')!;
    expect(addNote).toMatchObject({ description: 'Add a note to the notebook.', descriptionResolved: 'full', file: 'main.go', line: 14 });
    expect(addNote).toMatchObject({ sdk: 'go-mark3labs', style: 'mcp.NewTool', nameResolved: true, confidence: 1 });
    expect(addNote.inputSchema).toEqual({
      type: 'object',
      properties: {
        title: { type: 'string', description: 'Title of the note' },
        priority: { type: 'number', description: 'Priority from 1 to 5', minimum: 1, maximum: 5 },
        color: { type: 'string', enum: ['red', 'green'] },
      },
      required: ['title'],
    });
  });

  it('reports the four hints NewTool fills in as SDK defaults, not as the author’s', async () => {
    const addNote = (await toolsOf('go-mark3labs-new-tool')).get('add_note')!;
    expect(addNote.annotations).toEqual({ readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true });
    expect(addNote.annotationsOrigin).toEqual(SDK_DEFAULT_HINTS);
  });

  it('finds the handler, also when the tool is first stored in a variable', async () => {
    const tools = await toolsOf('go-mark3labs-new-tool');
    expect(tools.get('add_note')!.handler).toEqual({ file: 'main.go', startLine: 30, endLine: 32 });
    expect(tools.get('list_notes')!.handler).toEqual({ file: 'main.go', startLine: 34, endLine: 36 });
  });
});

describe('Go: mark3labs annotation options (GO-02)', () => {
  it('marks hints set with With*HintAnnotation as explicit and keeps the other defaults', async () => {
    const getModule = (await toolsOf('go-mark3labs-hint-annotations')).get('get_module')!;
    expect(getModule.annotations).toEqual({ title: 'Get Module', readOnlyHint: true, destructiveHint: false, idempotentHint: false, openWorldHint: true });
    expect(getModule.annotationsOrigin).toEqual({ readOnlyHint: 'explicit', destructiveHint: 'explicit', idempotentHint: 'sdk-default', openWorldHint: 'sdk-default' });
    expect(getModule.inputSchema).toEqual({ type: 'object', properties: { module_id: { type: 'string' } }, required: ['module_id'] });
  });

  it('follows an import alias and a handler declared in a sibling file', async () => {
    const getModule = (await toolsOf('go-mark3labs-hint-annotations')).get('get_module')!;
    expect(getModule).toMatchObject({ file: 'tools.go', line: 10 });
    expect(getModule.handler).toEqual({ file: 'handlers.go', startLine: 9, endLine: 11 });
  });

  it('treats WithToolAnnotation as replacing every default hint', async () => {
    const publish = (await toolsOf('go-mark3labs-hint-annotations')).get('publish_module')!;
    expect(publish.annotations).toEqual({ title: 'Publish Module', openWorldHint: false });
    expect(publish.annotationsOrigin).toEqual({ ...ABSENT_HINTS, openWorldHint: 'explicit' });
  });
});

describe('Go: official go-sdk mcp.AddTool with a typed handler (GO-03)', () => {
  it('infers the schema from the input struct: json names, required unless omitempty, jsonschema descriptions', async () => {
    const greet = (await toolsOf('go-sdk-typed-add-tool')).get('greet')!;
    expect(greet).toMatchObject({ sdk: 'go-sdk', style: 'mcp.AddTool', description: 'Say hi to someone', file: 'main.go', line: 28 });
    expect(greet.inputSchema).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string', description: 'the name of the person to greet' },
        language: { type: 'string', description: 'language of the greeting' },
        times: { type: 'integer' },
        tags: { type: 'array', items: { type: 'string' } },
      },
      required: ['name'],
      additionalProperties: false,
    });
  });

  it('reports go-sdk’s always-sent ReadOnlyHint and IdempotentHint as SDK defaults once Annotations is set', async () => {
    const greet = (await toolsOf('go-sdk-typed-add-tool')).get('greet')!;
    expect(greet.annotations).toEqual({ title: 'Greet', readOnlyHint: true, idempotentHint: false, openWorldHint: false });
    expect(greet.annotationsOrigin).toEqual({ readOnlyHint: 'explicit', destructiveHint: 'absent', idempotentHint: 'sdk-default', openWorldHint: 'explicit' });
  });

  it('reads a function-literal handler’s input type and leaves hints absent without Annotations', async () => {
    const farewell = (await toolsOf('go-sdk-typed-add-tool')).get('farewell')!;
    expect(farewell.inputSchema).toMatchObject({ required: ['name'] });
    expect(farewell.annotations).toBeNull();
    expect(farewell.annotationsOrigin).toEqual(ABSENT_HINTS);
    expect(farewell.handler).toEqual({ file: 'main.go', startLine: 36, endLine: 38 });
  });
});

describe('Go: translation helper and package constants (GO-04)', () => {
  it('takes the default text of t("KEY", "default") and constants from a sibling file', async () => {
    const tools = await toolsOf('go-sdk-translation-helper');
    const close = tools.get('close_issue')!;
    expect(close).toMatchObject({
      nameResolved: true,
      description: 'Closes an issue in a repository. The issue can be reopened later.',
      descriptionResolved: 'full',
      file: 'issues.go',
      line: 11,
    });
    expect(close.annotations).toMatchObject({ title: 'Close issue', destructiveHint: false });
    expect(close.confidence).toBeLessThan(1);
  });

  it('keeps the line breaks of a raw string', async () => {
    const search = (await toolsOf('go-sdk-translation-helper')).get('search_issues')!;
    expect(search.description).toBe('Search issues with the\nGitHub search syntax.');
  });
});

describe('Go: json.RawMessage input schema (GO-05)', () => {
  it('parses the JSON text of the schema', async () => {
    const getMe = (await toolsOf('go-sdk-raw-schema')).get('get_me')!;
    expect(getMe).toMatchObject({ style: 'Server.AddTool', file: 'pkg/tools/context.go', line: 11 });
    expect(getMe.inputSchema).toEqual({
      type: 'object',
      properties: { reason: { type: 'string', description: 'Why you ask' } },
      required: ['reason'],
    });
    expect(getMe.annotations).toEqual({ readOnlyHint: true, idempotentHint: false });
  });
});

describe('Go: project-local tool types (GO-07)', () => {
  it('finds api.Tool literals in a module that depends on an MCP SDK, with lower confidence', async () => {
    const tools = await toolsOf('go-local-tool-type');
    expect([...tools.keys()].sort()).toEqual(['namespaces_delete', 'namespaces_list']);
    const list = tools.get('namespaces_list')!;
    expect(list).toMatchObject({ style: 'tool-literal', confidence: 0.7, file: 'pkg/toolsets/namespaces.go', line: 13 });
    expect(list.inputSchema).toEqual({
      type: 'object',
      properties: { label_selector: { type: 'string', description: 'Only namespaces with these labels' } },
    });
    expect(list.annotations).toEqual({ title: 'Namespaces: List', readOnlyHint: true, destructiveHint: false });
    expect(list.annotationsOrigin).toEqual({ ...ABSENT_HINTS, readOnlyHint: 'explicit', destructiveHint: 'explicit' });
    expect(tools.get('namespaces_delete')!.inputSchema).toMatchObject({ required: ['name'] });
  });

  it('ignores the same literals when no go.mod names an MCP SDK', async () => {
    const extraction = await extractRepository(
      memoryTree('no-sdk', {
        'go.mod': 'module example.com/x\n',
        'tools.go': 'package x\nvar t = Tool{Name: "a", Description: "b", InputSchema: nil}\n',
      }),
      'no-sdk',
    );
    expect(extraction.tools).toEqual([]);
  });
});

describe('Go: hostile or odd input', () => {
  const goMod = 'module example.com/x\n\nrequire github.com/mark3labs/mcp-go v0.32.0\n';

  it('still extracts other files when one has syntax errors', async () => {
    const extraction = await extractRepository(
      memoryTree('broken', {
        'go.mod': goMod,
        'broken.go': 'package x\nimport "github.com/mark3labs/mcp-go/mcp"\nfunc f( {{{ mcp.NewTool("half", mcp.WithDescription(',
        'good.go': 'package x\nimport "github.com/mark3labs/mcp-go/mcp"\nvar t = mcp.NewTool("good", mcp.WithDescription("fine"))\n',
      }),
      'broken',
    );
    expect(extraction.tools.map((t) => t.name)).toContain('good');
  });

  it('records a name computed at run time as dynamic instead of inventing one', async () => {
    const extraction = await extractRepository(
      memoryTree('wrapper', {
        'go.mod': goMod,
        'tool.go': 'package x\nimport "github.com/mark3labs/mcp-go/mcp"\nfunc New(name string) mcp.Tool {\n  return mcp.NewTool(name)\n}\n',
      }),
      'wrapper',
    );
    expect(extraction.tools).toEqual([]);
    expect(extraction.dynamic).toMatchObject([{ file: 'tool.go', line: 4 }]);
  });

  it('survives constants that refer to each other in a cycle', async () => {
    const extraction = await extractRepository(
      memoryTree('cycle', {
        'go.mod': goMod,
        'tool.go': 'package x\nimport "github.com/mark3labs/mcp-go/mcp"\nconst A = B + "a"\nconst B = A + "b"\nvar t = mcp.NewTool("loop", mcp.WithDescription(A))\n',
      }),
      'cycle',
    );
    expect(extraction.tools[0]).toMatchObject({ name: 'loop', descriptionResolved: 'partial' });
  });
});
