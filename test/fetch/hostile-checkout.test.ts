import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, ftruncateSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { extractRepository } from '../../crawler/extract/index.ts';
import { localTree } from '../../crawler/fetch/source-tree.ts';
import { cli } from '../cli/run-cli.ts';
import { DELETE_TOOL, removeFolder, tempFolder, writeNotesServer } from './checkouts.ts';

/** Linux PATH_MAX, in bytes. */
const PATH_MAX = 4096;

/** Root reads through chmod 000; the command is then run as `nobody`, when this process may switch user. */
const RUN_AS = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
function canRunAs(): boolean {
  try {
    execFileSync('true', RUN_AS);
    return true;
  } catch {
    return false;
  }
}

describe('a hostile local checkout', () => {
  let dir: string;
  afterEach(() => removeFolder(dir));

  it('skips a sparse 1 GB .ts file, still finds the other tool, and the exit code and summary say so', async () => {
    dir = tempFolder('mcp-risk-big-');
    const repo = join(dir, 'servers', 'notes');
    writeNotesServer(repo);
    const big = openSync(join(repo, 'generated.ts'), 'w');
    ftruncateSync(big, 1024 * 1024 * 1024 + 1);
    closeSync(big);

    const run = await cli(['crawl', '--source', `dir:${join(dir, 'servers')}`, '--db', join(dir, 'catalog.sqlite'), '--json']);

    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ status: 'ok', repositories: 1, tools: 1, failures: [] });
    expect(summary.skipped).toEqual({ count: 1, sample: [{ repository: 'notes', path: 'generated.ts', reason: expect.stringContaining('1073741825 bytes exceeds') }] });
    expect(run.stderr).toContain('1 file or folder skipped');
    expect(run.stderr).toMatch(/notes: generated\.ts: file of 1073741825 bytes exceeds the \d+-byte cap/);
  });

  it.skipIf(!canRunAs())('skips a folder it may not read, says why, and extracts the rest', async () => {
    dir = tempFolder('mcp-risk-locked-');
    writeNotesServer(dir);
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'tools.ts'), DELETE_TOOL);
    chmodSync(join(dir, 'locked'), 0o000);

    const run = await cli(['extract', dir, '--json'], {}, RUN_AS);

    expect(run.code, run.stderr).toBe(0);
    const extraction = JSON.parse(run.stdout);
    expect(extraction.tools.map((tool: { name: string }) => tool.name)).toEqual(['read_note']);
    expect(extraction.warnings).toContainEqual({ file: 'locked', message: expect.stringMatching(/permission denied \(EACCES\)/) });
  });

  it('skips a file whose name is not UTF-8, says so, and extracts the rest', async () => {
    dir = tempFolder('mcp-risk-latin1-');
    writeNotesServer(dir);
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.ts')]), DELETE_TOOL);

    const extraction = await extractRepository(localTree(dir), 'latin1');

    expect(extraction.tools.map((tool) => tool.name)).toEqual(['read_note']);
    expect(extraction.warnings).toContainEqual({ file: 'caf\uFFFD.ts', message: expect.stringContaining('not valid UTF-8') });
  });

  it('skips a folder deeper than PATH_MAX, says so, and extracts the rest', async () => {
    dir = tempFolder('mcp-risk-deep-');
    writeNotesServer(dir);
    // Made by a child stepping down with relative paths: no path it names is longer than one folder.
    const level = 'd'.repeat(200);
    const depth = Math.ceil(PATH_MAX / level.length) + 2;
    execFileSync(process.execPath, ['-e', `
      const fs = require('node:fs');
      process.chdir(${JSON.stringify(dir)});
      for (let i = 0; i < ${depth}; i++) { fs.mkdirSync(${JSON.stringify(level)}); process.chdir(${JSON.stringify(level)}); }
      fs.writeFileSync('deep.ts', ${JSON.stringify(DELETE_TOOL)});
    `]);

    const extraction = await extractRepository(localTree(dir), 'deep');

    expect(extraction.tools.map((tool) => tool.name)).toEqual(['read_note']);
    expect(extraction.warnings).toContainEqual({ file: expect.stringMatching(/^d{200}\//), message: expect.stringContaining('longer than the system allows') });
  });
});
