import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { readArchive } from '../../crawler/fetch/archive-tree.ts';
import { MAX_SKIPPED_SAMPLE } from '../../crawler/fetch/skipped.ts';

const LINKS = 5000;
/** Long enough to need a pax header; short enough that the archive stays under the bomb guard's 16 MB floor. */
const LONG_NAME = 'x'.repeat(1500);

/** A codeload-style archive: one source file, then thousands of symlinks with long names. */
async function archiveOfLinks(): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (chunk: unknown) => {
    chunks.push(chunk as Buffer);
  });
  const ended = new Promise<void>((resolve) => pack.on('end', () => resolve()));
  pack.entry({ name: 'acme-links-0123456/src/index.ts' }, 'export const tools = [];\n');
  for (let i = 0; i < LINKS; i++) pack.entry({ name: `acme-links-0123456/src/links/${LONG_NAME}-${i}.ts`, type: 'symlink', linkname: '/etc/passwd' });
  pack.finalize();
  await ended;
  return gzipSync(Buffer.concat(chunks));
}

describe('an archive of very many symlinks', () => {
  it('counts every link it skips but records only a short sample, and keeps the source file', async () => {
    const archive = await archiveOfLinks();

    const read = await readArchive(Readable.from([archive]));

    expect([...read.files.keys()]).toEqual(['src/index.ts']);
    expect(read.skipped.count).toBe(LINKS);
    expect(read.skipped.sample.length).toBeGreaterThan(0);
    expect(read.skipped.sample.length).toBeLessThanOrEqual(MAX_SKIPPED_SAMPLE);
    expect(read.skipped.sample.every((entry) => entry.reason === 'symlink not followed')).toBe(true);
    // What a run stores about the skipped entries stays small, however many there were and however long their names.
    expect(JSON.stringify(read.skipped).length).toBeLessThan(20_000);
  });
});
