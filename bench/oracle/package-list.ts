import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const Registry = z.enum(['npm', 'pypi']);
export type Registry = z.infer<typeof Registry>;

/** npm's rule for package names (lower case, an optional scope); PyPI's is looser. */
const NPM_NAME = /^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
const PYPI_NAME = /^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/;

/** One published server of the oracle. */
export interface OraclePackage {
  registry: Registry;
  name: string;
}

/** `npm NAME`, the key a package is known by in messages and in packages.json. */
export function packageKey(pkg: OraclePackage): string {
  return `${pkg.registry} ${pkg.name}`;
}

/**
 * Parses packages.txt: one `npm NAME` or `pypi NAME` a line, `#` comments. `source` names the file in
 * errors, which also give the line number.
 */
export function parsePackageList(text: string, source: string): OraclePackage[] {
  const packages: OraclePackage[] = [];
  const seen = new Map<string, number>();
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const where = `${source}:${index + 1}`;
    const parts = line.split(/\s+/);
    if (parts.length !== 2) throw new Error(`${where}: expected "npm NAME" or "pypi NAME", got ${JSON.stringify(line)}`);
    const registry = Registry.safeParse(parts[0]);
    if (!registry.success) throw new Error(`${where}: unknown registry ${JSON.stringify(parts[0])} (npm or pypi)`);
    const name = parts[1];
    const pattern = registry.data === 'npm' ? NPM_NAME : PYPI_NAME;
    if (!pattern.test(name)) throw new Error(`${where}: ${JSON.stringify(name)} is not a valid ${registry.data} package name`);
    const pkg = { registry: registry.data, name };
    const previous = seen.get(packageKey(pkg));
    if (previous !== undefined) throw new Error(`${where}: ${packageKey(pkg)} is already listed on line ${previous}`);
    seen.set(packageKey(pkg), index + 1);
    packages.push(pkg);
  }
  return packages;
}

/** Environment variable names as a shell would accept them. */
const EnvName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/);

/** Paths inside a folder (the sandbox's home, the package): relative, never climbing out. */
const INSIDE_PATH = /^(?!\/)(?!(.*\/)?\.\.(\/|$)).+$/;

/** What one server insists on before it answers: arguments, placeholder settings, a longer time limit. */
export const PackageSettings = z.strictObject({
  /** Where the names below were found: its README or a file of the installed package. */
  note: z.string().min(1),
  /** Which of the package's executables to start, when it has several. */
  bin: z.string().min(1).optional(),
  /** A file of the package to run with node when it declares no executable at all. */
  entry: z.string().regex(INSIDE_PATH, 'not a relative path inside the package').optional(),
  /** Arguments after the executable; `{HOME}` stands for the empty home folder. */
  args: z.array(z.string()).optional(),
  /** Placeholder values (never real credentials). */
  env: z.record(EnvName, z.string()).optional(),
  /** Placeholder files written into the home folder before start (a config file it will not start without). */
  files: z.record(z.string(), z.string()).optional().superRefine((files, context) => {
    for (const path of Object.keys(files ?? {})) {
      if (!INSIDE_PATH.test(path)) context.addIssue({ code: 'custom', message: `${JSON.stringify(path)} is not a relative path inside the home folder`, path: [path] });
    }
  }),
  /** Seconds from start to the end of tools/list before the server is killed. */
  timeoutSeconds: z.number().int().min(5).max(600).optional(),
  /** A Node.js release to run it with instead of ours (exact, e.g. 22.23.5), for a server that needs a newer one. */
  node: z.string().regex(/^\d+\.\d+\.\d+$/, 'not an exact Node.js version').optional(),
  /** The version to record instead of the latest. */
  version: z.string().min(1).optional(),
});
export type PackageSettings = z.infer<typeof PackageSettings>;

export const SettingsFile = z.strictObject({
  npm: z.record(z.string(), PackageSettings).default({}),
  pypi: z.record(z.string(), PackageSettings).default({}),
});
export type SettingsFile = z.infer<typeof SettingsFile>;

/**
 * Parses packages.json against the list: every entry must name a listed package, so a typo in a
 * name cannot silently leave a server without its settings.
 */
export function parseSettings(text: string, source: string, packages: OraclePackage[]): SettingsFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = SettingsFile.safeParse(raw);
  if (!parsed.success) throw new Error(`${source}: bad package settings:\n${z.prettifyError(parsed.error)}`);
  const listed = new Set(packages.map(packageKey));
  for (const registry of Registry.options) {
    for (const name of Object.keys(parsed.data[registry])) {
      if (!listed.has(`${registry} ${name}`)) throw new Error(`${source}: settings for ${registry} ${name}, which the package list does not hold`);
    }
  }
  return parsed.data;
}

/** The settings of one package, or null when it needs none. */
export function settingsOf(settings: SettingsFile, pkg: OraclePackage): PackageSettings | null {
  return settings[pkg.registry][pkg.name] ?? null;
}

/** The oracle's list and settings as they sit in the repository. */
export function readOracleList(listFile: string, settingsFile: string): { packages: OraclePackage[]; settings: SettingsFile } {
  const packages = parsePackageList(readFileSync(listFile, 'utf8'), listFile);
  const settings = parseSettings(readFileSync(settingsFile, 'utf8'), settingsFile, packages);
  return { packages, settings };
}
