import { parse as parseToml } from 'smol-toml';
import { z } from 'zod';
import type { SourceTree } from '../fetch/source-tree.ts';

/** A package a server is published as, as its manifests say (never looked up in a registry). */
export const ServerPackage = z.object({
  /** npm, pypi, oci, nuget, crates, or another registry type a `server.json` names. */
  registry: z.string().regex(/^[a-z][a-z0-9-]{0,30}$/),
  name: z.string().min(1).max(255),
});
export type ServerPackage = z.infer<typeof ServerPackage>;

/** Names each registry accepts; anything else found in a manifest is left out (it is crawled text). */
const VALID_NAME: Record<string, RegExp> = {
  npm: /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]{0,213}$/,
  pypi: /^[A-Za-z0-9]([A-Za-z0-9._-]{0,200}[A-Za-z0-9])?$/,
  oci: /^[a-z0-9][a-z0-9._/:@-]{0,254}$/,
  nuget: /^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$/,
  crates: /^[A-Za-z][A-Za-z0-9_-]{0,63}$/,
};
const OTHER_NAME = /^[A-Za-z0-9@][A-Za-z0-9@._/:+-]{0,254}$/;

const join = (folder: string, file: string): string => (folder === '.' || folder === '' ? file : `${folder}/${file}`);

function text(tree: SourceTree, path: string): string | null {
  const bytes = tree.read(path);
  return bytes ? bytes.toString('utf8') : null;
}

function json(tree: SourceTree, path: string): unknown {
  const body = text(tree, path);
  if (body === null) return null;
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

function toml(tree: SourceTree, path: string): Record<string, unknown> | null {
  const body = text(tree, path);
  if (body === null) return null;
  try {
    return parseToml(body) as Record<string, unknown>;
  } catch {
    return null;
  }
}

const PackageJson = z.object({ name: z.string(), private: z.unknown().optional() });
const PyProject = z.object({
  project: z.object({ name: z.string() }).optional(),
  tool: z.object({ poetry: z.object({ name: z.string() }).optional() }).optional(),
});
const CargoToml = z.object({ package: z.object({ name: z.string(), publish: z.unknown().optional() }) });
/** The MCP Registry's `server.json`: `packages` with a registry type and an identifier (older drafts: `registry_name` and `name`). */
const ServerJson = z.object({
  packages: z.array(z.object({
    registryType: z.string().optional(), registry_type: z.string().optional(), registry_name: z.string().optional(),
    identifier: z.string().optional(), name: z.string().optional(),
  })).optional(),
});

/** A server.json registry type in our words. */
function registryName(type: string): string {
  const lower = type.toLowerCase();
  if (lower === 'docker' || lower === 'ghcr' || lower === 'oci') return 'oci';
  if (lower === 'cargo' || lower === 'crates.io') return 'crates';
  return lower;
}

/**
 * The packages a server at `folder` is published as: npm from a `package.json` not marked private, PyPI
 * from `pyproject.toml`, crates.io from a `Cargo.toml` that may be published, NuGet from a `.csproj`
 * `PackageId`, and whatever its `server.json` lists (OCI images among them). Read as data; sorted.
 */
export function serverPackages(tree: SourceTree, folder: string): ServerPackage[] {
  const found: ServerPackage[] = [];
  const add = (registry: string, name: string | undefined): void => {
    if (!name) return;
    const valid = VALID_NAME[registry] ?? OTHER_NAME;
    const candidate = { registry, name: name.trim() };
    if (valid.test(candidate.name) && ServerPackage.safeParse(candidate).success) found.push(candidate);
  };
  const npm = PackageJson.safeParse(json(tree, join(folder, 'package.json')));
  if (npm.success && npm.data.private !== true) add('npm', npm.data.name);
  const python = PyProject.safeParse(toml(tree, join(folder, 'pyproject.toml')));
  if (python.success) add('pypi', python.data.project?.name ?? python.data.tool?.poetry?.name);
  const cargo = CargoToml.safeParse(toml(tree, join(folder, 'Cargo.toml')));
  if (cargo.success && cargo.data.package.publish !== false) add('crates', cargo.data.package.name);
  for (const path of tree.paths()) {
    const inFolder = folder === '.' ? !path.includes('/') : path.startsWith(`${folder}/`) && !path.slice(folder.length + 1).includes('/');
    if (!inFolder || !path.endsWith('.csproj')) continue;
    add('nuget', /<PackageId>\s*([^<\s]+)\s*<\/PackageId>/.exec(text(tree, path) ?? '')?.[1]);
  }
  const registry = ServerJson.safeParse(json(tree, join(folder, 'server.json')));
  for (const entry of registry.success ? registry.data.packages ?? [] : []) {
    const type = entry.registryType ?? entry.registry_type ?? entry.registry_name;
    if (type) add(registryName(type), entry.identifier ?? entry.name);
  }
  const unique = new Map(found.map((p) => [`${p.registry}\u0000${p.name}`, p]));
  const key = (p: ServerPackage): string => `${p.registry}\u0000${p.name}`;
  return [...unique.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
