import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, ftruncateSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeFolder, tempFolder } from './checkouts.ts';

/** Larger than any Buffer readFileSync will make (2 GiB), so a whole read cannot even start. */
const SPARSE_BYTES = 2 ** 31 + 4096;

const SOURCE = 'export const tools = [];\n';

/**
 * The change key computed here independently: every path then its bytes, each followed by a NUL. A file
 * extended by ftruncate reads as zeros, so its bytes are made here rather than read back.
 */
function expectedHash(): string {
  const hash = createHash('sha256').update('index.ts\u0000').update(SOURCE).update('\u0000').update('zeros.bin\u0000');
  const zeros = Buffer.alloc(1024 * 1024);
  for (let left = SPARSE_BYTES; left > 0; left -= zeros.length) hash.update(zeros.subarray(0, Math.min(left, zeros.length)));
  return `sha256:${hash.update('\u0000').digest('hex')}`;
}

function hashInChild(dir: string): Promise<{ hash: string; peakGrowthBytes: number }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'hash-child.ts'), dir], (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout));
    });
  });
}

describe('the content hash of a local folder', () => {
  let dir: string;
  afterEach(() => removeFolder(dir));

  it('streams a file larger than 2 GiB: the hash is that of its bytes, and memory does not grow with it', async () => {
    dir = tempFolder('mcp-risk-hash-');
    writeFileSync(join(dir, 'index.ts'), SOURCE);
    const sparse = openSync(join(dir, 'zeros.bin'), 'w');
    ftruncateSync(sparse, SPARSE_BYTES);
    closeSync(sparse);

    const result = await hashInChild(dir);

    expect(result.hash).toBe(expectedHash());
    expect(result.peakGrowthBytes).toBeLessThan(64 * 1024 * 1024);
  }, 180_000); // two hashes of 2 GiB (about 3 s of CPU), on a machine shared by many
});
