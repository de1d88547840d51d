import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscoveryPage } from '../../crawler/discover/candidate.ts';
import { repositoryLinks } from '../../crawler/discover/awesome-lists.ts';
import { searchWindow } from '../../crawler/discover/github-search.ts';
import { parseSeeds } from '../../crawler/discover/seeds.ts';
import { registrySource } from '../../crawler/discover/registry.ts';
import { World } from '../github-stand-in/world.ts';
import { harness, type Harness } from './helpers.ts';

describe('discovery sources', () => {
  let h: Harness;
  beforeAll(async () => {
    const world = new World();
    const start = Date.UTC(2024, 0, 1);
    for (let i = 0; i < 2500; i++) {
      world.addRepo({ owner: 'bulk', name: `mcp-${i}`, createdAt: new Date(start + i * 3600_000 * 7).toISOString().replace(/\.\d{3}Z$/, 'Z') });
    }
    for (let i = 0; i < 250; i++) world.addRegistryEntry({ name: `io.github.bulk/s${i}`, repository: { url: `https://github.com/bulk/mcp-${i}`, source: 'github', id: String(100_000 + i) }, updatedAt: `2025-06-01T00:00:${String(i % 60).padStart(2, '0')}Z` });
    h = await harness(world, { registryMaxLimit: 100 });
  });
  afterAll(() => h.close());

  it('halves created: windows until each holds at most 1,000 results, and finds every repository', async () => {
    const client = h.client();
    const pages: DiscoveryPage[] = [];

    await searchWindow(client, 'topic:mcp-server', Date.UTC(2024, 0, 1), Date.UTC(2026, 0, 1), (page) => pages.push(page));

    const ids = new Set(pages.flatMap((p) => p.candidates.map((c) => c.databaseId)));
    expect(ids.size).toBe(2500);
    const queries = h.standIn.requests.filter((r) => r.resource === 'search');
    expect(queries.every((r) => r.status === 200)).toBe(true);
    expect(queries.length).toBeLessThan(45);
  });

  it('pages through the registry with its cursor and remembers where the delta starts', async () => {
    const state = new Map<string, string>();
    const pages: DiscoveryPage[] = [];
    const context = {
      client: h.client(), since: null, cursor: null, now: () => new Date(), log: () => {},
      getState: (k: string) => state.get(k) ?? null, setState: (k: string, v: string) => void state.set(k, v),
    };

    await registrySource.discover(context, (page) => pages.push(page));

    expect(pages).toHaveLength(3);
    expect(pages.flatMap((p) => p.candidates)).toHaveLength(250);
    expect(pages[0].cursor).toBeTruthy();
    expect(pages.at(-1)?.cursor).toBeUndefined();
    expect(state.get('updatedAt')).toBe('2025-06-01T00:00:59Z');
    expect(pages[0].candidates[0].databaseId).toBeGreaterThanOrEqual(100_000);
  });

  it('reads repository links from an awesome list, with monorepo folders, and skips non-repository pages', () => {
    const markdown = '- [a](https://github.com/a/one) [b](https://github.com/b/two/tree/main/src/server) https://github.com/topics/mcp [self](https://github.com/x/list)';

    expect(repositoryLinks(markdown, 'x/list')).toEqual([{ fullName: 'a/one' }, { fullName: 'b/two', subfolder: 'src/server' }]);
  });

  it('reads the seed list: names, URLs, folders and comments', () => {
    expect(parseSeeds('# c\na/b\nhttps://github.com/c/d.git  # trailing\ne/f sub/dir\n')).toEqual([
      { fullName: 'a/b' }, { fullName: 'c/d' }, { fullName: 'e/f', subfolder: 'sub/dir' },
    ]);
  });
});
