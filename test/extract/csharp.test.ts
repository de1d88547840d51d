import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deriveToolName } from '../../crawler/extract/languages/csharp/derive-name.ts';
import { extractRepository } from '../../crawler/extract/index.ts';
import { localTree, memoryTree } from '../../crawler/fetch/source-tree.ts';
import type { Tool } from '../../crawler/model/index.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

async function toolsOf(name: string): Promise<Map<string, Tool>> {
  const extraction = await extractRepository(localTree(fixture(name)), name);
  return new Map(extraction.tools.map((tool) => [tool.name, tool]));
}

describe('C# tool names derived from method names', () => {
  it.each([
    ['GetWeatherAsync', true, 'get_weather'],
    ['GetWeatherAsync', false, 'get_weather_async'],
    ['XMLReader', false, 'xml_reader'],
    ['SHA512Hash', false, 'sha512_hash'],
    ['GetHTTPResponse2Fast', false, 'get_http_response2_fast'],
    ['Get_Weather', false, 'get_weather'],
    ['echo', false, 'echo'],
    ['Async', true, 'async'],
  ])('%s (async: %s) becomes %s', (method, isAsync, expected) => {
    expect(deriveToolName(method, isAsync)).toBe(expected);
  });
});

describe('C# extraction', () => {
  it('derives snake_case names and reads [Description] in the same brackets (CS-01)', async () => {
    const tools = await toolsOf('cs-derived-tool-names');
    expect([...tools.keys()]).toEqual(['get_weather', 'xml_reader', 'sha512_hash', 'refresh_async']);
    const weather = tools.get('get_weather')!;
    expect(weather).toMatchObject({ description: 'Get the weather in Celsius.', descriptionResolved: 'full', line: 13, sdk: 'csharp-mcp-sdk', style: '[McpServerTool]' });
    expect(weather.annotations).toBeNull();
    expect(weather.annotationsOrigin).toEqual({ readOnlyHint: 'absent', destructiveHint: 'absent', idempotentHint: 'absent', openWorldHint: 'absent' });
  });

  it('leaves injected services and SDK parameters out of the schema; parameters with defaults are optional', async () => {
    const weather = (await toolsOf('cs-derived-tool-names')).get('get_weather')!;
    // HttpClient is a framework service, WeatherCache is registered in Program.cs, CancellationToken comes from the SDK.
    expect(weather.inputSchema).toEqual({
      type: 'object',
      properties: { city: { type: 'string', description: 'City name' }, days: { type: 'integer', default: 3 } },
      required: ['city'],
    });
  });

  it('reads verbatim and raw string descriptions', async () => {
    const tools = await toolsOf('cs-derived-tool-names');
    expect(tools.get('xml_reader')).toMatchObject({ description: 'Reads "XML" feeds', line: 21 });
    expect(tools.get('sha512_hash')).toMatchObject({ description: 'Computes a hash.\n  Indented line.', line: 25 });
  });

  it('takes Name, Title and only the hints that were assigned (CS-02)', async () => {
    const tools = await toolsOf('cs-named-tool-hints');
    const read = tools.get('read_file')!;
    expect(read).toMatchObject({ title: 'Read file', description: 'Reads a file.', line: 12 });
    expect(read.annotations).toEqual({ title: 'Read file', readOnlyHint: true });
    expect(read.annotationsOrigin).toEqual({ readOnlyHint: 'explicit', destructiveHint: 'absent', idempotentHint: 'absent', openWorldHint: 'absent' });
    expect(read.inputSchema).toEqual({
      type: 'object',
      properties: { path: { type: 'string', description: 'Path of the file' }, maxBytes: { type: 'integer', default: null } },
      required: ['path'],
    });
  });

  it('resolves nameof() names and reads explicit false hints', async () => {
    const remove = (await toolsOf('cs-named-tool-hints')).get('DeleteFile')!;
    expect(remove).toMatchObject({ description: 'Deletes a file.', line: 22, nameResolved: true });
    expect(remove.annotations).toEqual({ destructiveHint: true, idempotentHint: false });
    expect(remove.annotationsOrigin).toMatchObject({ destructiveHint: 'explicit', idempotentHint: 'explicit', readOnlyHint: 'absent' });
    expect(remove.inputSchema?.properties).toMatchObject({ patterns: { type: 'array', items: { type: 'string' } } });
  });

  it('resolves constants of another class and appends a return description', async () => {
    const files = {
      'Texts.cs': 'static class Texts { public const string Search = "Searches " + "the index"; }',
      'Tools.cs': `using ModelContextProtocol.Server;
[McpServerToolType] class Tools {
  [McpServerTool, Description(Texts.Search)]
  [return: Description("the hits")]
  public static string Search(string query) => "";
}`,
    };
    const extraction = await extractRepository(memoryTree('consts', files), 'consts');
    expect(extraction.tools[0]).toMatchObject({ name: 'search', description: 'Searches the index\nReturns: the hits', line: 3 });
  });

  it('survives broken files without losing the others', async () => {
    const files = {
      'Broken.cs': '[McpServerToolType] class B { [McpServerTool, Description("x"] public static string Oops( => ',
      'Good.cs': '[McpServerToolType] class G { [McpServerTool, Description("Fine")] public static string Fine() => ""; }',
    };
    const extraction = await extractRepository(memoryTree('robust', files), 'robust');
    expect(extraction.tools.map((tool) => tool.name)).toContain('fine');
  });
});

describe('C# McpServerTool.Create', () => {
  it('reads the name, description and hints of McpServerToolCreateOptions, and the delegate\'s parameters', async () => {
    const tools = await toolsOf('cs-create-tool-options');
    expect([...tools.keys()]).toEqual(['run-report', 'echo', 'purge', 'shout']);
    expect(tools.get('run-report')).toMatchObject({
      description: 'Runs a report and returns its rows.',
      line: 9,
      style: 'McpServerTool.Create',
      annotations: { readOnlyHint: true },
      inputSchema: { type: 'object', properties: { reportName: { type: 'string' }, limit: { type: 'integer', default: 10 } }, required: ['reportName'] },
    });
    expect(tools.get('echo')).toMatchObject({ description: 'Echoes the message back to the caller', line: 10 });
  });

  it('derives the name of a method found through typeof(...).GetMethod(nameof(...)) in another file', async () => {
    const purge = (await toolsOf('cs-create-tool-options')).get('purge')!;
    expect(purge).toMatchObject({ description: 'Deletes expired reports.', line: 13, annotations: { destructiveHint: true }, nameResolved: true });
  });

  it('counts a [McpServerTool] method given to Create once, at its attribute', async () => {
    const shout = (await toolsOf('cs-create-tool-options')).get('shout')!;
    expect(shout).toMatchObject({ style: '[McpServerTool]', file: 'Tools/EchoTools.cs', line: 7 });
  });

  it('keeps a Create over a delegate it cannot see as a dynamic record', async () => {
    const source = `using ModelContextProtocol.Server;
class Plugins { void Load(System.Collections.Generic.IEnumerable<System.Delegate> found) { foreach (var d in found) { var tool = McpServerTool.Create(d); } } }`;
    const extraction = await extractRepository(memoryTree('plugins', { 'Plugins.cs': source }), 'plugins');
    expect(extraction.tools).toEqual([]);
    expect(extraction.dynamic.map((record) => [record.line, record.reason])).toEqual([[2, 'McpServerTool.Create over a delegate not written here (d)']]);
  });
});
