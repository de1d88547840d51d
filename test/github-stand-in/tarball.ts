import { PassThrough, type Readable } from 'node:stream';
import { createGzip, gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import type { ArchiveFault, Files } from './world.ts';

/** Bytes of zeros a decompression bomb expands to (compresses to about 1/1000). */
const BOMB_BYTES = 1024 * 1024 * 1024;

/**
 * A codeload-style archive: a gzip tarball whose entries sit under one top-level `owner-repo-sha/` folder.
 * A fault turns it hostile (SPEC §10).
 */
export function archiveStream(prefix: string, files: Files, fault?: ArchiveFault): Readable {
  if (fault === 'truncated') {
    const whole = gzipSync(packSync(prefix, files));
    const out = new PassThrough();
    out.end(whole.subarray(0, Math.floor(whole.length / 2)));
    return out;
  }
  const pack = tar.pack();
  const gzip = createGzip({ level: 1 });
  pack.on('error', () => {});
  gzip.on('close', () => pack.destroy());
  pack.pipe(gzip);
  void fill(pack, prefix, files, fault).catch((error: unknown) => gzip.destroy(error as Error));
  return gzip;
}

function packSync(prefix: string, files: Files): Buffer {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (chunk: unknown) => {
    chunks.push(chunk as Buffer);
  });
  pack.entry({ name: `${prefix}/`, type: 'directory' });
  for (const [path, content] of Object.entries(files)) pack.entry({ name: `${prefix}/${path}` }, Buffer.from(content));
  pack.finalize();
  return Buffer.concat(chunks);
}

async function fill(pack: tar.Pack, prefix: string, files: Files, fault?: ArchiveFault): Promise<void> {
  pack.entry({ name: `${prefix}/`, type: 'directory' });
  if (fault === 'dotdot') pack.entry({ name: `${prefix}/../../escaped.ts` }, 'export const escaped = true;\n');
  if (fault === 'absolute') pack.entry({ name: '/etc/cron.d/escaped' }, '* * * * * root true\n');
  if (fault === 'symlink') pack.entry({ name: `${prefix}/src/secrets.ts`, type: 'symlink', linkname: '/etc/passwd' });
  if (fault === 'huge-file') pack.entry({ name: `${prefix}/src/generated.ts` }, Buffer.alloc(6 * 1024 * 1024, 0x20));
  for (const [path, content] of Object.entries(files)) pack.entry({ name: `${prefix}/${path}` }, Buffer.from(content));
  if (fault === 'bomb') await writeZeros(pack, `${prefix}/data/zeros.bin`, BOMB_BYTES);
  pack.finalize();
}

/** Streams a large entry with back-pressure, so the server stops when the client hangs up. */
async function writeZeros(pack: tar.Pack, name: string, size: number): Promise<void> {
  const chunk = Buffer.alloc(1024 * 1024);
  await new Promise<void>((resolve, reject) => {
    const entry = pack.entry({ name, size }, (error) => (error ? reject(error) : resolve()));
    // The client hangs up mid-bomb on purpose; that is not an error of the stand-in.
    entry.on('error', () => resolve());
    let written = 0;
    const pump = (): void => {
      while (written < size) {
        written += chunk.length;
        if (!entry.write(chunk)) {
          entry.once('drain', pump);
          return;
        }
      }
      entry.end(Buffer.alloc(0));
    };
    pack.once('close', () => resolve());
    pump();
  });
}
