import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchArchive } from '../../crawler/fetch/archive-download.ts';
import { World } from '../github-stand-in/world.ts';
import { harness, type Harness } from '../crawl/helpers.ts';

describe('an archive read again from the cache', () => {
  let h: Harness;
  beforeAll(async () => {
    const world = new World();
    world.addRepo({ owner: 'acme', name: 'linked-mcp', archiveFault: 'symlink', files: { 'package.json': '{}', 'src/index.ts': 'export {};\n' } });
    h = await harness(world);
  });
  afterAll(() => h.close());

  it('says what was left out of it, as the download did', async () => {
    const repo = h.world.repos[0];
    const request = { fullName: 'acme/linked-mcp', sha: repo.headSha as string };
    const cacheDir = join(h.dir, 'archives');

    const downloaded = await fetchArchive(h.client(), request, { cacheDir });
    const cached = await fetchArchive(h.client(), request, { cacheDir });

    expect(downloaded.cached).toBe(false);
    expect(downloaded.skipped).toEqual({ count: 1, sample: [{ path: 'src/secrets.ts', reason: 'symlink not followed' }] });
    expect(cached.cached).toBe(true);
    expect(cached.skipped).toEqual(downloaded.skipped);
    expect([...cached.files.keys()]).toEqual([...downloaded.files.keys()]);
  });
});
