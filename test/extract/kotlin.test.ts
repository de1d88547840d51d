import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { extractRepository } from '../../crawler/extract/index.ts';
import type { LanguageExtractor } from '../../crawler/extract/extractor.ts';
import { localTree, memoryTree } from '../../crawler/fetch/source-tree.ts';
import type { Extraction, Tool } from '../../crawler/model/index.ts';

// Until the Kotlin extractor is listed in languages/index.ts, these tests add it themselves.
vi.mock('../../crawler/extract/languages/index.ts', async (importOriginal) => {
  const original = await importOriginal<{ LANGUAGE_EXTRACTORS: readonly LanguageExtractor[] }>();
  const { kotlinExtractor } = await import('../../crawler/extract/languages/kotlin/index.ts');
  const listed = original.LANGUAGE_EXTRACTORS.some((extractor) => extractor.id === 'kotlin');
  return { ...original, LANGUAGE_EXTRACTORS: listed ? original.LANGUAGE_EXTRACTORS : [...original.LANGUAGE_EXTRACTORS, kotlinExtractor] };
});

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

async function extract(name: string): Promise<Extraction> {
  return extractRepository(localTree(fixture(name)), name);
}

async function toolsOf(name: string): Promise<Map<string, Tool>> {
  return new Map((await extract(name)).tools.map((tool) => [tool.name, tool]));
}

describe('Kotlin extraction', () => {
  it('reads addTool with named arguments and a buildJsonObject schema (KT-01)', async () => {
    const tools = await toolsOf('kt-add-tool-named-arguments');
    expect([...tools.keys()]).toEqual(['get_alerts', 'get_forecast', 'clear_cache']);
    const alerts = tools.get('get_alerts')!;
    expect(alerts).toMatchObject({
      description: 'Get weather alerts for a US state. Input is a two-letter US state code.',
      descriptionResolved: 'full',
      line: 14,
      sdk: 'kotlin-mcp-sdk',
      style: 'addTool',
      server: '.',
      inputSchemaSource: 'json-builder',
    });
    expect(alerts.inputSchema).toEqual({
      type: 'object',
      properties: {
        state: { type: 'string', description: 'Two-letter US state code (e.g. CA, NY)' },
        limit: { type: 'integer', minimum: 1 },
      },
      required: ['state'],
    });
    expect(alerts.annotations).toEqual({ readOnlyHint: true, openWorldHint: true });
    expect(alerts.annotationsOrigin).toMatchObject({ readOnlyHint: 'explicit', destructiveHint: 'absent' });
    expect(alerts.handler).toMatchObject({ startLine: 29 });
  });

  it('resolves a name from a constant of a sibling file and a trimIndent() raw string, arguments in any order', async () => {
    const forecast = (await toolsOf('kt-add-tool-named-arguments')).get('get_forecast')!;
    expect(forecast).toMatchObject({ nameResolved: true, description: 'Get the forecast for a location.\nOnly US locations are supported.', line: 33 });
    expect(forecast.inputSchema?.properties).toEqual({
      latitude: { type: 'number', minimum: -90 },
      units: { type: 'string', enum: ['metric', 'imperial'] },
    });
  });

  it('records the if around a registration as a condition', async () => {
    const tools = await toolsOf('kt-add-tool-positional-legacy-input');
    expect(tools.get('reset')!.conditions).toEqual([{ kind: 'env', expr: 'System.getenv("DEMO_MODE") == null' }]);
    expect(tools.get('status')!.conditions).toEqual([{ kind: 'env', expr: '!(System.getenv("DEMO_MODE") == null)' }]);
    const clear = (await toolsOf('kt-add-tool-named-arguments')).get('clear_cache')!;
    expect(clear.conditions).toEqual([{ kind: 'feature-toggle', expr: 'allowWrites' }]);
    expect(clear.inputSchema).toEqual({ type: 'object' });
  });

  it('reads positional addTool arguments and the older Tool.Input schema, also from a val', async () => {
    const tools = await toolsOf('kt-add-tool-positional-legacy-input');
    expect([...tools.keys()]).toEqual(['echo', 'run_shell', 'reset', 'status']);
    expect(tools.get('echo')).toMatchObject({
      description: 'Echoes the message back',
      line: 15,
      inputSchema: { type: 'object', properties: { message: { type: 'string' } }, required: ['message'] },
    });
    expect(tools.get('run_shell')!.inputSchema).toEqual({ type: 'object', properties: { command: { type: 'string' } }, required: ['command'] });
  });

  it('reads Tool values given to addTool and RegisteredTool, and keeps a Tool from a loop as a dynamic record', async () => {
    const extraction = await extract('kt-tool-values-and-registered-tools');
    const tools = new Map(extraction.tools.map((tool) => [tool.name, tool]));
    expect([...tools.keys()]).toEqual(['list_files', 'delete_file', 'read_file', 'write_file']);
    expect(tools.get('list_files')).toMatchObject({
      description: 'Lists the files of a folder',
      line: 13,
      style: 'addTool(Tool)',
      annotations: { readOnlyHint: true },
      inputSchema: { type: 'object', properties: { path: { type: 'string' } } },
    });
    expect(tools.get('delete_file')).toMatchObject({ description: 'Deletes a file', title: 'Delete file', style: 'addTool(Tool)' });
    expect(tools.get('read_file')).toMatchObject({ style: 'RegisteredTool', line: 31, handler: { startLine: 32 } });
    expect(extraction.dynamic).toEqual([
      { server: '.', file: 'src/main/kotlin/demo/Tools.kt', line: 38, reason: 'addTool with a Tool value that is not written here (plugin)' },
    ]);
  });

  it('expands a helper function that registers a tool from its parameters at its call sites', async () => {
    const tools = await toolsOf('kt-tool-helper-wrapper');
    expect([...tools.keys()]).toEqual(['git_status', 'git_push']);
    expect(tools.get('git_push')).toMatchObject({ description: 'Pushes the current branch to its remote', line: 16, style: 'addTool via simpleTool' });
  });

  it('ignores addTool in files that do not use the MCP Kotlin SDK', async () => {
    const source = 'package x\n\nfun f(menu: Menu) {\n    menu.addTool(name = "hammer", description = "Hits")\n}\n';
    const extraction = await extractRepository(memoryTree('ui', { 'src/Menu.kt': source }), 'ui');
    expect(extraction.tools).toEqual([]);
  });
});
