import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, copyFileSync, fstatSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawl } from '../../crawler/pipeline/crawl.ts';
import { openCatalog } from '../../crawler/store/open.ts';
import { cli, ROOT } from '../cli/run-cli.ts';
import { health } from '../crawl/helpers.ts';

const SAMPLES = join(ROOT, 'data', 'samples');
const PAGE_LIMIT = join(import.meta.dirname, 'faults', 'page-limit.mjs');
/** A stack frame line: what a user must not be shown for a store failure. */
const STACK_FRAME = /^\s+at /m;

/** Another process holding a write transaction open on `file` until `release()`. */
async function holdWriteTransaction(file: string): Promise<{ release(): Promise<void> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('holding\\n');
    process.stdin.on('end', () => { db.exec('ROLLBACK'); db.close(); });
    process.stdin.resume();`;
  const child: ChildProcess = spawn(process.execPath, ['-e', script, file], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('holding') && resolve());
    child.on('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
  return {
    release: () => new Promise((resolve) => {
      child.on('exit', () => resolve());
      child.stdin!.end();
    }),
  };
}

/** Overwrites every page after the first (the header and schema root stay) with a repeated byte. */
function damagePages(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    const size = fstatSync(fd).size;
    const page = Buffer.alloc(4096, 0x5a);
    for (let offset = 4096; offset < size; offset += page.length) writeSync(fd, page, 0, page.length, offset);
  } finally {
    closeSync(fd);
  }
}

function expectCatalogMessage(stderr: string, file: string, advice: RegExp): void {
  expect(stderr).toContain(file);
  expect(stderr).toMatch(advice);
  expect(stderr).not.toMatch(STACK_FRAME);
}

describe('store failures, as the user of the command line sees them', () => {
  let dir: string;
  let good: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mcp-risk-store-errors-'));
    good = join(dir, 'good.sqlite');
    const db = openCatalog(good);
    await runCrawl(db, { sources: [{ kind: 'dir', path: SAMPLES }] });
    db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a catalog another process is writing: exits 1, names the file and says to wait', async () => {
    const file = join(dir, 'locked.sqlite');
    copyFileSync(good, file);
    const holder = await holdWriteTransaction(file);
    let run;
    try {
      run = await cli(['crawl', '--source', `dir:${SAMPLES}`, '--db', file]);
    } finally {
      await holder.release();
    }
    expect(run.code).toBe(1);
    expectCatalogMessage(run.stderr, file, /locked.*Wait for it to finish/s);
    const db = openCatalog(file, { readonly: true });
    expect(health(db)).toEqual({ integrity: 'ok', duplicates: 0 });
    db.close();
  });

  it('a full disk: exits 1, names the file and says to free space; the next crawl completes', async () => {
    const file = join(dir, 'full.sqlite');
    // 37 pages hold the empty schema; the samples need about 160.
    const run = await cli(['crawl', '--source', `dir:${SAMPLES}`, '--db', file], { MCP_RISK_TEST_MAX_PAGES: '60' }, { nodeArgs: ['--import', PAGE_LIMIT] });
    expect(run.code).toBe(1);
    expectCatalogMessage(run.stderr, file, /disk is full.*Free disk space/s);

    const again = await cli(['crawl', '--source', `dir:${SAMPLES}`, '--db', file, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'ok', resumed: true });
    const db = openCatalog(file, { readonly: true });
    expect(health(db)).toEqual({ integrity: 'ok', duplicates: 0 });
    db.close();
  });

  it('a catalog with damaged pages: stats and crawl exit 1, name the file and say to restore it or crawl into a new one', async () => {
    const file = join(dir, 'damaged.sqlite');
    copyFileSync(good, file);
    damagePages(file);
    const [stats, crawl] = await Promise.all([
      cli(['stats', '--db', file]),
      cli(['crawl', '--source', `dir:${SAMPLES}`, '--db', file]),
    ]);
    for (const run of [stats, crawl]) {
      expect(run.code).toBe(1);
      expectCatalogMessage(run.stderr, file, /damaged.*Restore it from a backup.*crawl again into a new file/s);
    }
  });
});
