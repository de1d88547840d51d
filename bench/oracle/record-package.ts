import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { classifyFailure, MAX_PLACEHOLDER_RETRIES, outputTail, placeholderValue, settingsAskedFor } from './failure.ts';
import { installPackage, type Installed } from './install.ts';
import type { Failure, Inventory } from './inventory.ts';
import type { OraclePackage, PackageSettings } from './package-list.ts';
import { runCommand } from './run-command.ts';
import { SANDBOX_UID, sandboxCommand, serverEnvironment, type ServerLaunch } from './sandbox.ts';
import { listTools } from './session.ts';

export interface RecordOptions {
  /** The version to install; null for the latest. */
  version: string | null;
  /** Seconds a server gets from start to the end of tools/list, unless its settings say more. */
  timeoutSeconds: number;
  /** The day the recording is dated (YYYY-MM-DD). */
  today: string;
  /** Install from this local folder instead of the registry (a fixture of ours). */
  source?: string;
}

/** Stands for the sandbox's empty home folder in settings (`args`, `env`). */
const HOME_TOKEN = '{HOME}';

/** A short digest of a package's settings: a recording made with other settings is made again. */
export function settingsDigest(settings: PackageSettings | null): string {
  const { note: _note, ...effective } = settings ?? { note: '' };
  return createHash('sha256').update(JSON.stringify(effective)).digest('hex').slice(0, 12);
}

/**
 * Installs one package into a throwaway folder, starts it in the sandbox and records its tools, or
 * why there are none. When an error message asks for settings by name, placeholders are set for
 * them and the server is started again, a bounded number of times.
 */
export async function recordPackage(pkg: OraclePackage, settings: PackageSettings | null, options: RecordOptions): Promise<Inventory> {
  const started = performance.now();
  const root = mkdtempSync(join(tmpdir(), 'mcp-oracle-'));
  const asRoot = process.getuid?.() === 0;
  const base = {
    registry: pkg.registry,
    package: pkg.name,
    recordedAt: options.today,
    settingsDigest: settingsDigest(settings),
    server: null,
    tools: [],
  };
  const seconds = (): number => Math.round((performance.now() - started) / 100) / 10;
  // Our own paths are nobody's business in a committed inventory.
  const masks = { [root]: '<sandbox>', [homedir()]: '~' };
  try {
    chmodSync(root, 0o755);
    const install = await installPackage(pkg, options.version, settings, root, options.source);
    if (!install.ok) {
      const failure: Failure = { class: install.class, reason: install.reason, stderr: outputTail(install.output, masks) };
      return { ...base, version: options.version, family: 'unknown', mcpDependencies: {}, outcome: 'failed', started: { bin: null, args: [], env: [], envFromErrors: [] }, seconds: seconds(), failure };
    }
    const installed = install.installed;
    const known = { ...base, version: installed.version, family: installed.family, mcpDependencies: installed.mcpDependencies };
    if (!installed.launch) {
      const failure: Failure = { class: 'not-a-server', reason: installed.noLaunch ?? 'nothing to start', stderr: [] };
      return { ...known, outcome: 'failed', started: { bin: null, args: [], env: [], envFromErrors: [] }, seconds: seconds(), failure };
    }
    // The server runs as `nobody`, who must read its own files and may write beside them.
    if (asRoot) await runCommand('chown', ['-R', `${SANDBOX_UID}:${SANDBOX_UID}`, root], { timeoutMs: 120_000 });
    return { ...known, ...(await startUntilListed(installed, installed.launch, settings, options, root, asRoot, masks)), seconds: seconds() };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function startUntilListed(
  installed: Installed,
  launch: ServerLaunch,
  settings: PackageSettings | null,
  options: RecordOptions,
  root: string,
  asRoot: boolean,
  masks: Record<string, string>,
): Promise<Pick<Inventory, 'outcome' | 'server' | 'sdkSchemaIssues' | 'tools' | 'started' | 'failure'>> {
  const timeoutMs = (settings?.timeoutSeconds ?? options.timeoutSeconds) * 1000;
  const fromErrors: Record<string, string> = {};
  for (let attempt = 0; ; attempt++) {
    // A fresh, empty home for every start: nothing one attempt wrote is seen by the next.
    const home = join(root, `home-${attempt}`);
    const tmp = join(root, `tmp-${attempt}`);
    for (const dir of [home, tmp]) mkdirSync(dir, { recursive: true });
    const expand = (value: string): string => value.split(HOME_TOKEN).join(home);
    for (const [path, content] of Object.entries(settings?.files ?? {})) {
      mkdirSync(dirname(join(home, path)), { recursive: true });
      writeFileSync(join(home, path), expand(content));
    }
    if (asRoot) await runCommand('chown', ['-R', `${SANDBOX_UID}:${SANDBOX_UID}`, home, tmp], { timeoutMs: 30_000 });
    const args = (settings?.args ?? []).map(expand);
    const placeholders = Object.fromEntries(Object.entries({ ...fromErrors, ...settings?.env }).map(([name, value]) => [name, expand(value)]));
    const env = serverEnvironment(launch, { home, tmp }, dirname(process.execPath), placeholders);
    const command = sandboxCommand({ ...launch, args: [...launch.args, ...args] }, env, asRoot);
    const result = await listTools({ ...command, cwd: home }, timeoutMs);
    const started = { bin: installed.bin, args: settings?.args ?? [], env: Object.keys(placeholders).sort(), envFromErrors: Object.keys(fromErrors).sort() };
    if (result.ok) {
      const issues = result.schemaIssues.length > 0 ? { sdkSchemaIssues: result.schemaIssues } : {};
      return { outcome: 'listed', server: result.server, ...issues, tools: result.tools, started, failure: null };
    }
    const asked = settingsAskedFor(`${result.end.output}\n${result.end.error ?? ''}`, new Set(Object.keys(placeholders)));
    if (asked.length === 0 || attempt >= MAX_PLACEHOLDER_RETRIES) {
      const failure: Failure = { ...classifyFailure(result.end), stderr: outputTail(result.end.output, masks) };
      failure.reason = outputTail(failure.reason.replace(/\s+/g, ' '), masks, 1)[0] ?? '';
      return { outcome: 'failed', server: null, tools: [], started, failure };
    }
    for (const name of asked) fromErrors[name] = placeholderValue(name, HOME_TOKEN);
  }
}
