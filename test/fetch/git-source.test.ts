import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_SOURCE_BYTES } from '../../crawler/extract/files.ts';
import { openCatalog } from '../../crawler/store/open.ts';
import { sourceUrl } from '../../site/src/lib/links.ts';
import { cli } from '../cli/run-cli.ts';
import { commit, initBare, type Entry } from './bare-repositories.ts';
import { removeFolder, tempFolder } from './checkouts.ts';

const NOTES: Record<string, Entry> = {
  'package.json': { file: '{"name":"@acme/notes-mcp","dependencies":{"@modelcontextprotocol/sdk":"^1.17.0"}}\n' },
  'src/index.ts': { file: [
    'import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";',
    'const server = new McpServer({ name: "notes", version: "1.0.0" });',
    'server.tool("read_note", "Reads one note by its id", async () => ({ content: [] }));',
    '',
  ].join('\n') },
};

const FILES: Record<string, Entry> = {
  'pyproject.toml': { file: '[project]\nname = "pyco-files-mcp"\ndependencies = ["mcp>=1.2"]\n' },
  'files_mcp/server.py': { file: [
    'import os',
    'from mcp.server.fastmcp import FastMCP',
    'mcp = FastMCP("files")',
    '',
    '@mcp.tool()',
    'def delete_file(path: str) -> str:',
    '    """Deletes the file at path for good."""',
    '    os.remove(path)',
    '    return "deleted"',
    '',
  ].join('\n') },
};

interface RepositoryRow {
  id: string;
  full_name: string;
  source: string;
  url: string | null;
  commit_sha: string | null;
  status: string;
}

function repositories(db: string): RepositoryRow[] {
  const catalog = openCatalog(db, { readonly: true });
  try {
    return catalog.prepare('SELECT id, full_name, source, url, commit_sha, status FROM repositories ORDER BY full_name').all() as RepositoryRow[];
  } finally {
    catalog.close();
  }
}

function tools(db: string): { repository: string; name: string; file: string; line: number; packages: string }[] {
  const catalog = openCatalog(db, { readonly: true });
  try {
    return catalog.prepare(
      `SELECT r.full_name AS repository, t.name, t.file, t.line, s.packages FROM tools t JOIN servers s ON s.id = t.server_id
         JOIN repositories r ON r.id = s.repo_id ORDER BY r.full_name, t.name`,
    ).all() as { repository: string; name: string; file: string; line: number; packages: string }[];
  } finally {
    catalog.close();
  }
}

describe('the git: source', () => {
  let dir: string;
  let mirror: string;
  let db: string;
  beforeEach(() => {
    dir = tempFolder('mcp-risk-git-');
    mirror = join(dir, 'mirror');
    db = join(dir, 'catalog.sqlite');
  });
  afterEach(() => removeFolder(dir));

  it('crawls two bare repositories at HEAD, records owner/name, commit and GitHub URL, and links evidence to the line', async () => {
    initBare(join(mirror, 'acme+notes-mcp', 'repo'));
    const notesCommit = commit(join(mirror, 'acme+notes-mcp', 'repo'), NOTES);
    initBare(join(mirror, 'pyco+files-mcp'));
    const filesCommit = commit(join(mirror, 'pyco+files-mcp'), FILES);

    const run = await cli(['crawl', '--source', `git:${mirror}`, '--db', db, '--json']);

    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'ok', repositories: 2, tools: 2, failures: [] });
    expect(repositories(db)).toEqual([
      { id: 'git:acme/notes-mcp', full_name: 'acme/notes-mcp', source: 'git', url: 'https://github.com/acme/notes-mcp', commit_sha: notesCommit, status: 'ok' },
      { id: 'git:pyco/files-mcp', full_name: 'pyco/files-mcp', source: 'git', url: 'https://github.com/pyco/files-mcp', commit_sha: filesCommit, status: 'ok' },
    ]);
    const found = tools(db);
    expect(found.map(({ repository, name, file, line }) => ({ repository, name, file, line }))).toEqual([
      { repository: 'acme/notes-mcp', name: 'read_note', file: 'src/index.ts', line: 3 },
      { repository: 'pyco/files-mcp', name: 'delete_file', file: 'files_mcp/server.py', line: 5 },
    ]);
    expect(JSON.parse(found[0].packages)).toEqual([{ registry: 'npm', name: '@acme/notes-mcp' }]);
    expect(JSON.parse(found[1].packages)).toEqual([{ registry: 'pypi', name: 'pyco-files-mcp' }]);
    const exported = (await cli(['export', '--db', db])).stdout.trim().split('\n').map((line) => JSON.parse(line));
    const deleteFile = exported.find((tool) => tool.tool === 'delete_file');
    expect(sourceUrl({ url: deleteFile.repositoryUrl, commit: deleteFile.commit }, deleteFile.file, deleteFile.line))
      .toBe(`https://github.com/pyco/files-mcp/blob/${filesCommit}/files_mcp/server.py#L5`);
  });

  it('does not read an unchanged HEAD again, and reads a new commit', async () => {
    const notes = join(mirror, 'acme+notes-mcp', 'repo');
    initBare(notes);
    commit(notes, NOTES);
    initBare(join(mirror, 'pyco+files-mcp', 'repo'));
    commit(join(mirror, 'pyco+files-mcp', 'repo'), FILES);
    expect((await cli(['crawl', '--source', `git:${mirror}`, '--db', db])).code).toBe(0);

    const again = await cli(['crawl', '--source', `git:${mirror}`, '--db', db, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'ok', repositories: 0, skippedUnchanged: 2 });

    const moved = commit(notes, { ...NOTES, 'src/archive.ts': { file: [
      'import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";',
      'const server = new McpServer({ name: "notes", version: "1.0.0" });',
      'server.tool("archive_note", "Moves a note to the archive", async () => ({ content: [] }));',
      '',
    ].join('\n') } }, 'add archive_note');
    const third = await cli(['crawl', '--source', `git:${mirror}`, '--db', db, '--json']);
    expect(JSON.parse(third.stdout)).toMatchObject({ status: 'ok', repositories: 1, skippedUnchanged: 1, added: 1 });
    expect(repositories(db).find((r) => r.full_name === 'acme/notes-mcp')?.commit_sha).toBe(moved);
    expect(tools(db).map((t) => t.name)).toEqual(['archive_note', 'read_note', 'delete_file']);
  });

  it('skips a link, a submodule, a blob over the cap and a missing blob with their reasons, and extracts the rest', async () => {
    const gitDir = join(mirror, 'evil+tricks', 'repo');
    initBare(gitDir);
    commit(gitDir, {
      ...NOTES,
      'src/passwd.ts': { symlink: '/etc/passwd' },
      'src/generated.ts': { file: Buffer.alloc(MAX_SOURCE_BYTES + 1, 0x20) },
      'src/lost.ts': { missingBlob: '1111111111111111111111111111111111111111' },
      'lib/upstream': { submodule: '2222222222222222222222222222222222222222' },
    });

    const run = await cli(['crawl', '--source', `git:${mirror}`, '--db', db, '--json']);

    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ status: 'ok', repositories: 1, tools: 1 });
    expect(summary.skipped.sample).toEqual(expect.arrayContaining([
      { repository: 'evil/tricks', path: 'src/passwd.ts', reason: 'symlink not followed' },
      { repository: 'evil/tricks', path: 'lib/upstream', reason: 'submodule not followed' },
      { repository: 'evil/tricks', path: 'src/generated.ts', reason: `file of ${MAX_SOURCE_BYTES + 1} bytes exceeds the ${MAX_SOURCE_BYTES}-byte cap` },
      { repository: 'evil/tricks', path: 'src/lost.ts', reason: 'object missing from the repository' },
    ]));
    expect(tools(db).map((t) => t.name)).toEqual(['read_note']);
  });

  it('runs nothing a crawled repository configures: fsmonitor, hooks, pager, filters, a promisor remote', async () => {
    const marker = join(dir, 'ran');
    const touch = `touch ${marker}`;
    const gitDir = join(mirror, 'evil+config', 'repo');
    initBare(gitDir);
    commit(gitDir, {
      ...NOTES,
      '.gitattributes': { file: '* filter=evil diff=evil\n' },
      'src/later.ts': { missingBlob: '3333333333333333333333333333333333333333' },
    });
    writeFileSync(join(gitDir, 'config'), [
      '[core]', '\trepositoryformatversion = 1', '\tbare = true', `\tfsmonitor = "${touch}"`, `\tpager = "${touch}"`,
      `\thooksPath = ${join(gitDir, 'evil-hooks')}`, `\tsshCommand = "${touch}"`, `\talternateRefsCommand = "${touch}"`,
      '[filter "evil"]', `\tclean = "${touch}"`, `\tsmudge = "${touch}"`, '\trequired = true',
      '[diff "evil"]', `\ttextconv = "${touch}"`,
      '[extensions]', '\tpartialClone = origin',
      // A plain git read of the missing blob would lazily fetch it from here, running uploadpack (checked by hand).
      '[remote "origin"]', `\turl = ${gitDir}`, '\tpromisor = true', `\tuploadpack = "${touch}; false"`,
      '[remote "ext"]', `\turl = "ext::sh -c ${touch}"`, '\tpromisor = true',
      '[credential]', `\thelper = "!${touch}"`,
      '',
    ].join('\n'));
    for (const hooks of [join(gitDir, 'hooks'), join(gitDir, 'evil-hooks')]) {
      mkdirSync(hooks, { recursive: true });
      for (const hook of ['pre-commit', 'post-checkout', 'reference-transaction', 'post-index-change', 'fsmonitor-watchman', 'pre-auto-gc']) {
        writeFileSync(join(hooks, hook), `#!/bin/sh\n${touch}\n`);
        chmodSync(join(hooks, hook), 0o755);
      }
    }

    const run = await cli(['crawl', '--source', `git:${mirror}`, '--db', db, '--json']);

    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(marker)).toBe(false);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ status: 'ok', repositories: 1, tools: 1 });
    expect(summary.skipped.sample).toContainEqual({ repository: 'evil/config', path: 'src/later.ts', reason: 'object missing from the repository' });
  });

  it('lists what it will not crawl: a link, a folder not named owner+name, a folder without a git directory', async () => {
    initBare(join(mirror, 'acme+notes-mcp', 'repo'));
    commit(join(mirror, 'acme+notes-mcp', 'repo'), NOTES);
    mkdirSync(join(mirror, 'not-a-repository'));
    mkdirSync(join(mirror, 'acme+empty-folder'));
    symlinkSync(join(mirror, 'acme+notes-mcp'), join(mirror, 'acme+linked'));

    const run = await cli(['crawl', '--source', `git:${mirror}`, '--db', db, '--json']);

    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ status: 'ok', repositories: 1 });
    // The source is named by its folder, never by the machine's absolute path (stored and published).
    const source = `git:${basename(mirror)}`;
    expect(summary.skipped.sample).toEqual(expect.arrayContaining([
      { repository: source, path: 'not-a-repository', reason: 'not named owner+name after a GitHub repository' },
      { repository: source, path: 'acme+empty-folder', reason: 'no git directory (repo/, repo/.git/ or the folder itself)' },
      { repository: source, path: 'acme+linked', reason: 'symlink not followed (it could point outside the collection)' },
    ]));
    expect(run.stdout).not.toContain(mirror);
  });
});
