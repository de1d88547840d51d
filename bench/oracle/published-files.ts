import { copyFileSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { archiveTree, readArchive } from '../../crawler/fetch/archive-tree.ts';
import { DEFAULT_ARCHIVE_LIMITS } from '../../crawler/fetch/archive-limits.ts';
import { localTree, type SourceTree } from '../../crawler/fetch/source-tree.ts';
import type { OraclePackage } from './package-list.ts';
import { runCommand } from './run-command.ts';

export type PublishedFiles = { ok: true; tree: SourceTree; downloaded: boolean } | { ok: false; reason: string };

/** What a failed download says when the registry is out of reach rather than the package missing. */
const UNREACHABLE = /ENETUNREACH|EAI_AGAIN|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|ECONNRESET|network|Failed to establish a new connection|Temporary failure in name resolution/i;

/**
 * The files a package version publishes (the npm tarball, the wheel), as the static extractor reads
 * them. Downloaded once into the cache (`npm pack`, `pip download`; nothing is installed or run),
 * offline thereafter. When one download finds a registry out of reach, the others from it are not
 * tried again in this run: each missing package says so at once.
 */
export function publishedFilesCache(cacheDir: string): (pkg: OraclePackage, version: string) => Promise<PublishedFiles> {
  const unreachable = new Map<string, string>();
  return async (pkg, version) => {
    const down = unreachable.get(pkg.registry);
    const files = pkg.registry === 'npm' ? await npmTarball(pkg.name, version, cacheDir, down) : await pypiWheel(pkg.name, version, cacheDir, down);
    if (!files.ok && !down && UNREACHABLE.test(files.reason)) unreachable.set(pkg.registry, files.reason.replace(/^not in the cache, and /, ''));
    return files;
  };
}

function notCached(down: string): PublishedFiles {
  return { ok: false, reason: `not in the cache, and the registry is out of reach (${down})` };
}

async function npmTarball(name: string, version: string, cacheDir: string, down: string | undefined): Promise<PublishedFiles> {
  const file = join(cacheDir, 'npm', `${name.replace('/', '+')}@${version}.tgz`);
  let downloaded = false;
  if (!existsSync(file)) {
    if (down) return notCached(down);
    // Few, short retries: offline, npm's defaults wait over a minute per package.
    const fetched = await download('npm', ['pack', `${name}@${version}`, '--ignore-scripts', '--loglevel=error', '--fetch-retries=1', '--fetch-retry-mintimeout=2000', '--fetch-retry-maxtimeout=5000', '--pack-destination', '.'], file);
    if (!fetched.ok) return fetched;
    downloaded = true;
  }
  // Every file of the package, build output included: what the extractor skips is its own decision.
  const archive = await readArchive(createReadStream(file), DEFAULT_ARCHIVE_LIMITS, () => true);
  return { ok: true, tree: archiveTree(`${name}@${version}`, archive.files, [], archive.skipped), downloaded };
}

async function pypiWheel(name: string, version: string, cacheDir: string, down: string | undefined): Promise<PublishedFiles> {
  const dir = join(cacheDir, 'pypi', `${name}-${version}`);
  if (existsSync(dir)) return { ok: true, tree: localTree(dir), downloaded: false };
  const wheel = join(cacheDir, 'pypi', `${name}-${version}.whl`);
  if (!existsSync(wheel)) {
    if (down) return notCached(down);
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
    if (result.code !== 0 || files.length !== 1) return { ok: false, reason: `not in the cache, and ${command} ${args[0] === '-m' ? args[2] : args[0]} could not download it: ${errorLine(result.output) || `${files.length} files`}` };
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

/** npm's and pip's own error line (the last line is often only where the log went). */
function errorLine(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter((line) => /^(npm (error|ERR!)|ERROR:)/.test(line) && !/complete log|A complete log/.test(line));
  return (lines.find((line) => UNREACHABLE.test(line)) ?? lines[0] ?? lastLine(output)).slice(0, 200);
}
