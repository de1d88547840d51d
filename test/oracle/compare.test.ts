import { describe, expect, it } from 'vitest';
import { comparePackage } from '../../bench/oracle/compare.ts';
import type { Inventory, RecordedTool } from '../../bench/oracle/inventory.ts';
import { oracleResults } from '../../bench/oracle/results.ts';
import type { Extraction, Tool } from '../../crawler/model/index.ts';
import { makeFacts, type FactsInput } from '../classify/make-facts.ts';

function listed(name: string, description: string, params: string[] = [], annotations: Record<string, unknown> | null = null): RecordedTool {
  return { name, title: null, description, inputSchema: { type: 'object', properties: Object.fromEntries(params.map((p) => [p, { type: 'string' }])) }, annotations };
}

function inventory(pkg: string, tools: RecordedTool[], family = '@modelcontextprotocol/sdk'): Inventory {
  return {
    registry: 'npm', package: pkg, version: '1.0.0', recordedAt: '2026-01-02', family, mcpDependencies: {}, outcome: 'listed',
    server: { name: pkg, version: '1.0.0' }, started: { bin: pkg, args: [], env: [], envFromErrors: [] }, settingsDigest: 'x', seconds: 1, tools, failure: null,
  };
}

function found(input: FactsInput & { server?: string; unresolved?: string }): Tool {
  const tool = { ...makeFacts(input).tool, server: input.server ?? '.' };
  return input.unresolved ? { ...tool, nameResolved: false, nameExpr: input.unresolved } : tool;
}

function extraction(tools: Tool[], dynamic: Extraction['dynamic'] = []): Extraction {
  const servers = [...new Set(tools.map((t) => t.server))].map((path) => ({ path, name: path, language: 'TypeScript', sdk: 'ts-sdk', sdkVersion: null }));
  return { servers, tools, dynamic, warnings: [] };
}

describe('comparing what a server lists with what the extractor found', () => {
  it('matches by name, then counts equal descriptions (whitespace aside), parameter names and hints', () => {
    const notes = inventory('notes-mcp', [
      listed('add_note', 'Adds a note\n  to the notebook.', ['text'], { readOnlyHint: false }),
      listed('list_notes', 'Lists notes.', ['limit', 'tag'], { readOnlyHint: true }),
      listed('purge_notes', 'Deletes every note.', [], { destructiveHint: true }),
    ]);
    const result = comparePackage(notes, extraction([
      found({ name: 'add_note', description: 'Adds a note to the notebook.', params: { text: '' }, annotations: { readOnlyHint: false } }),
      found({ name: 'list_notes', description: 'Lists notes.', params: { limit: '' }, annotations: { readOnlyHint: true } }),
      found({ name: 'purge_notes', description: 'Deletes all notes.', annotations: null }),
    ]));
    expect(result.tally).toEqual({ packages: 1, listed: 3, extracted: 3, matched: 3, descriptionEqual: 2, parametersEqual: 2, annotationsEqual: 2 });
    expect(result.misses.map((m) => [m.class, m.tool])).toEqual([
      ['parameters-differ', 'list_notes'],
      ['description-differs', 'purge_notes'],
      ['annotations-differ', 'purge_notes'],
    ]);
    expect(result.misses[0].detail).toBe('listed [limit, tag], found [limit]');
    expect(result.misses[1].detail).toBe('listed "Deletes every note.", found "Deletes all notes."');
    expect(result.misses[2].detail).toBe('destructiveHint: listed true, found undefined');
  });

  it('a package where the extractor found nothing misses every tool as no-tools-found, or dynamic-reported when it said so', () => {
    const notes = inventory('notes-mcp', [listed('add_note', 'Adds.'), listed('list_notes', 'Lists.')]);
    expect(comparePackage(notes, extraction([])).misses.map((m) => m.class)).toEqual(['no-tools-found', 'no-tools-found']);
    const dynamic = comparePackage(notes, extraction([], [{ server: '.', file: 'src/openapi.ts', line: 4, reason: 'tools generated from an OpenAPI document' }]));
    expect(dynamic.misses.map((m) => m.class)).toEqual(['dynamic-reported', 'dynamic-reported']);
    expect(dynamic.tally.matched).toBe(0);
  });

  it('tells a prefix the server adds, a changed separator and an unresolved name from a plain miss', () => {
    const api = inventory('notes-api-mcp', [
      listed('API-getNote', 'Gets a note.'),
      listed('list-notes', 'Lists notes.'),
      listed('web_search_notes', 'Searches notes on the web.'),
      listed('export_notes', 'Exports notes.'),
    ]);
    const result = comparePackage(api, extraction([
      found({ name: 'getNote', description: 'Gets a note.' }),
      found({ name: 'list_notes', description: 'Lists notes.' }),
      found({ name: 'toolName || "web_search_notes"', description: 'Searches notes on the web.', unresolved: 'toolName || "web_search_notes"' }),
      found({ name: 'import_notes', description: 'Imports notes.' }),
    ]));
    expect(result.misses.map((m) => [m.tool, m.class])).toEqual([
      ['API-getNote', 'name-differs-by-prefix'],
      ['list-notes', 'name-differs-by-separator'],
      ['web_search_notes', 'name-differs'],
      ['export_notes', 'missed'],
      ['import_notes', 'extra'],
    ]);
    expect(result.misses[0].detail).toBe('found as getNote');
    expect(result.misses[0].found).toBe('src/server.ts:10');
    expect(result.tally).toMatchObject({ listed: 4, extracted: 4, matched: 0 });
  });

  it('a tool found under another server of the package is a miss, and the found one counts against precision', () => {
    const notes = inventory('notes-mcp', [listed('add_note', 'Adds.'), listed('list_notes', 'Lists.'), listed('tag_note', 'Tags.')]);
    const result = comparePackage(notes, extraction([
      found({ name: 'add_note', description: 'Adds.' }),
      found({ name: 'list_notes', description: 'Lists.' }),
      found({ name: 'tag_note', description: 'Tags.', server: 'examples/demo' }),
    ]));
    expect(result.misses.map((m) => [m.tool, m.class])).toEqual([['tag_note', 'found-in-different-server']]);
    expect(result.tally).toMatchObject({ listed: 3, extracted: 3, matched: 2 });
  });

  it('a long description that differs late is shown around the difference', () => {
    const start = 'Searches the notebook for notes matching a query, '.repeat(4);
    const notes = inventory('notes-mcp', [listed('search_notes', `${start}sorted by date.`)]);
    const result = comparePackage(notes, extraction([found({ name: 'search_notes', description: `${start}sorted by title.` })]));
    const shared = `${start}sorted by `.slice(-40);
    expect(result.misses[0].detail).toBe(`listed "…${shared}date.", found "…${shared}title."`);
  });

  it('a name found twice matches once; the second is extra', () => {
    const notes = inventory('notes-mcp', [listed('add_note', 'Adds.')]);
    const result = comparePackage(notes, extraction([found({ name: 'add_note', description: 'Adds.' }), found({ name: 'add_note', description: 'Adds.', file: 'src/legacy.ts' })]));
    expect(result.tally).toMatchObject({ matched: 1, extracted: 2 });
    expect(result.misses).toEqual([{ package: 'notes-mcp', class: 'extra', tool: 'add_note', detail: 'reported, but the server does not list it', found: 'src/legacy.ts:10' }]);
  });
});

describe('the oracle results', () => {
  it('add up per package into overall and per-family figures and count misses by class', () => {
    const sdk = inventory('notes-mcp', [listed('add_note', 'Adds.'), listed('list_notes', 'Lists.')]);
    const framework = inventory('calendar-mcp', [listed('add_event', 'Adds an event.'), listed('list_events', 'Lists events.')], 'fastmcp');
    const results = oracleResults({
      inventories: 'inventories',
      listSize: 3,
      recorded: [sdk, framework, { ...inventory('mail-mcp', []), outcome: 'failed', failure: { class: 'needs-credentials', reason: 'asks', stderr: [] } }],
      compared: [
        { inventory: sdk, extraction: extraction([found({ name: 'add_note', description: 'Adds.' }), found({ name: 'list_notes', description: 'Lists.' })]) },
        { inventory: framework, extraction: extraction([found({ name: 'add_event', description: 'Adds an event' }), found({ name: 'delete_event', description: 'Deletes.' })]) },
      ],
      notCompared: [],
    });
    expect(results).toMatchObject({ packages_in_list: 3, packages_recorded: 3, packages_listed: 2, packages_compared: 2 });
    expect(results.overall).toEqual({
      packages: 2, tools_listed: 4, tools_extracted: 4, tools_matched: 3,
      name_recall: 0.75, name_precision: 0.75, description_equal: 0.667, parameters_equal: 1, annotations_equal: 1,
    });
    expect(results.by_family.fastmcp).toMatchObject({ packages: 1, name_recall: 0.5, name_precision: 0.5, description_equal: 0 });
    expect(results.by_family['@modelcontextprotocol/sdk']).toMatchObject({ name_recall: 1, name_precision: 1, description_equal: 1 });
    expect(results.miss_classes).toEqual({ 'description-differs': 1, extra: 1, missed: 1 });
    expect(results.packages.map((p) => [p.package, p.name_recall])).toEqual([['notes-mcp', 1], ['calendar-mcp', 0.5]]);
  });
});
