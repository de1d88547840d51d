import { copyFileSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { archiveTree, readArchive } from '../../crawler/fetch/archive-tree.ts';
import { DEFAULT_ARCHIVE_LIMITS } from '../../crawler/fetch/archive-limits.ts';
import { localTree, type SourceTree } from '../../crawler/fetch/source-tree.ts';
import type { OraclePackage } from './package-list.ts';
import { runCommand } from './run-command.ts';

export type PublishedFiles = { ok: true; tree: SourceTree; downloaded: boolean } | { ok: false; reason: string };

/**
 * The files a package version publishes (the npm tarball, the wheel), as the static extractor reads
 * them. Downloaded once into the cache (`npm pack`, `pip download`; nothing is installed or run),
 * offline thereafter; when it is not cached and cannot be downloaded, the reason says so.
 */
export async function publishedFiles(pkg: OraclePackage, version: string, cacheDir: string): Promise<PublishedFiles> {
  return pkg.registry === 'npm' ? npmTarball(pkg.name, version, cacheDir) : pypiWheel(pkg.name, version, cacheDir);
}

async function npmTarball(name: string, version: string, cacheDir: string): Promise<PublishedFiles> {
  const file = join(cacheDir, 'npm', `${name.replace('/', '+')}@${version}.tgz`);
  let downloaded = false;
  if (!existsSync(file)) {
    const fetched = await download('npm', ['pack', `${name}@${version}`, '--ignore-scripts', '--silent', '--pack-destination', '.'], file);
    if (!fetched.ok) return fetched;
    downloaded = true;
  }
  // Every file of the package, build output included: what the extractor skips is its own decision.
  const archive = await readArchive(createReadStream(file), DEFAULT_ARCHIVE_LIMITS, () => true);
  return { ok: true, tree: archiveTree(`${name}@${version}`, archive.files), downloaded };
}

async function pypiWheel(name: string, version: string, cacheDir: string): Promise<PublishedFiles> {
  const dir = join(cacheDir, 'pypi', `${name}-${version}`);
  if (existsSync(dir)) return { ok: true, tree: localTree(dir), downloaded: false };
  const wheel = join(cacheDir, 'pypi', `${name}-${version}.whl`);
  if (!existsSync(wheel)) {
    const fetched = await download('python3', ['-m', 'pip', 'download', `${name}==${version}`, '--no-deps', '--only-binary=:all:', '--disable-pip-version-check', '--no-input', '--timeout', '15', '--retries', '1', '-d', '.'], wheel);
    if (!fetched.ok) return fetched;
  }
  const unpacked = await runCommand('python3', ['-m', 'zipfile', '-e', wheel, dir], { timeoutMs: 120_000 });
  if (unpacked.code !== 0) return { ok: false, reason: `the cached wheel could not be unpacked: ${lastLine(unpacked.output)}` };
  return { ok: true, tree: localTree(dir), downloaded: true };
}

/** Runs a download into a scratch folder and moves its one file to `target`. */
async function download(command: string, args: string[], target: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  const scratch = mkdtempSync(join(tmpdir(), 'mcp-oracle-pack-'));
  try {
    const result = await runCommand(command, args, { cwd: scratch, timeoutMs: 5 * 60_000 });
    const files = readdirSync(scratch);
    if (result.code !== 0 || files.length !== 1) return { ok: false, reason: `not in the cache, and ${command} ${args[0] === '-m' ? args[2] : args[0]} could not download it: ${lastLine(result.output) || `${files.length} files`}` };
    mkdirSync(join(target, '..'), { recursive: true });
    copyFileSync(join(scratch, files[0]), target);
    return { ok: true };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function lastLine(output: string): string {
  return output.trim().split('\n').at(-1)?.trim().slice(0, 200) ?? '';
}
