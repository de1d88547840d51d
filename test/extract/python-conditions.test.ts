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

  it('keeps the env condition of Tool objects built in one module and registered from a filtered list in a loop in another (PY-06)', async () => {
    const { tools, dynamic } = await extract('py-filtered-tool-list');
    const condition = { kind: 'env', expr: 'is_readonly_tool(tool.fn) or allow_writes' };
    expect(tools.map((tool) => [tool.name, tool.file, tool.line, tool.conditions])).toEqual([
      ['describe_asset', 'sitewise/tools/assets.py', 15, [condition]],
      ['delete_asset', 'sitewise/tools/assets.py', 20, [condition]],
    ]);
    expect(dynamic).toEqual([]);
  });

  it('marks tools hidden by remove_tool or disable(tags=...) as disabled, with the guard of the removal', async () => {
    const { tools } = await extract('py-remove-disable');
    expect(conditionsByName(tools)).toEqual([
      ['purge_cache', [{ kind: 'disabled', expr: 'mcp.disable(tags={"admin"})' }]],
      ['read_file', []],
      ['write_file', [{ kind: 'disabled', expr: 'mcp.remove_tool("write_file") if os.environ.get("READ_ONLY")' }]],
      ['legacy_stat', [{ kind: 'disabled', expr: 'mcp.remove_tool("legacy_stat")' }]],
    ]);
  });
});

describe('Python constants reassigned in branches', () => {
  it('lists one variant per value of a name constant, each under the branch that assigns it', async () => {
    const { tools } = await extract('py-constant-reassigned');
    expect(tools.map((tool) => [tool.name, tool.line, tool.conditions])).toEqual([
      ['legacy_search', 18, [{ kind: 'env', expr: 'os.environ.get("LEGACY_NAMES")' }]],
      ['search', 18, [{ kind: 'env', expr: 'not (os.environ.get("LEGACY_NAMES"))' }]],
      ['parse', 24, [{ kind: 'branch', expr: 'except ImportError' }]],
      ['parse_fast', 24, [{ kind: 'branch', expr: 'not (except ImportError)' }]],
    ]);
  });
});

describe('Python servers composed from other servers', () => {
  it('prefixes the tools of a server mounted under a literal prefix, and records a mounted proxy as composed', async () => {
    const { tools, dynamic } = await extract('py-mount-prefix');
    expect(tools.map((tool) => [tool.name, tool.file, tool.line])).toEqual([
      ['ping', 'server.py', 9],
      ['weather_get_forecast', 'weather.py', 6],
    ]);
    expect(dynamic).toEqual([{ server: '.', file: 'server.py', line: 17, reason: expect.stringMatching(/composes the tools of another server under the prefix "kb"/) }]);
  });
});
