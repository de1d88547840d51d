import type { SourceTree } from '../fetch/source-tree.ts';
import type { Server } from '../model/index.ts';
import { isSkippedPath } from './files.ts';

/** An MCP SDK as a manifest names it. */
interface SdkDependency {
  sdk: string;
  language: string;
  /** Matches the dependency's name in the manifest; group 1, when present, captures a version. */
  pattern: RegExp;
}

/** Manifests that mark a package root, and the SDK dependencies they may hold (reference §2). */
const MANIFESTS: { file: RegExp; language: string; dependencies: SdkDependency[]; name: (text: string) => string | null }[] = [
  {
    file: /(^|\/)package\.json$/,
    language: 'TypeScript',
    dependencies: [
      { sdk: 'ts-mcp-sdk', language: 'TypeScript', pattern: /"@modelcontextprotocol\/sdk"\s*:\s*"([^"]*)"/ },
      { sdk: 'ts-mcp-server-v2', language: 'TypeScript', pattern: /"@modelcontextprotocol\/server"\s*:\s*"([^"]*)"/ },
      { sdk: 'ts-fastmcp', language: 'TypeScript', pattern: /"fastmcp"\s*:\s*"([^"]*)"/ },
      { sdk: 'ts-mcp-handler', language: 'TypeScript', pattern: /"(?:mcp-handler|@vercel\/mcp-adapter)"\s*:\s*"([^"]*)"/ },
      { sdk: 'ts-cloudflare-agents', language: 'TypeScript', pattern: /"agents"\s*:\s*"([^"]*)"/ },
      { sdk: 'ts-mcp-framework', language: 'TypeScript', pattern: /"mcp-framework"\s*:\s*"([^"]*)"/ },
    ],
    name: (text) => /"name"\s*:\s*"([^"]+)"/.exec(text)?.[1] ?? null,
  },
  {
    file: /(^|\/)(pyproject\.toml|setup\.py|setup\.cfg|requirements[^/]*\.txt|Pipfile)$/,
    language: 'Python',
    dependencies: [
      { sdk: 'py-fastmcp', language: 'Python', pattern: /["'\s^]fastmcp\s*([<>=!~][^"'\s,]*)?/m },
      { sdk: 'py-mcp', language: 'Python', pattern: /(?:^|["'\s])mcp(?:\[[^\]]*\])?\s*([<>=!~]=?[^"'\s,]*)?(?=["'\s,]|$)/m },
    ],
    name: (text) => /^\s*name\s*=\s*["']([^"']+)["']/m.exec(text)?.[1] ?? null,
  },
  {
    file: /(^|\/)go\.mod$/,
    language: 'Go',
    dependencies: [
      { sdk: 'go-mark3labs', language: 'Go', pattern: /github\.com\/mark3labs\/mcp-go\s+(v[\w.\-]+)/ },
      { sdk: 'go-sdk', language: 'Go', pattern: /github\.com\/modelcontextprotocol\/go-sdk\s+(v[\w.\-]+)/ },
      { sdk: 'go-metoro', language: 'Go', pattern: /github\.com\/metoro-io\/mcp-golang\s+(v[\w.\-]+)/ },
    ],
    name: (text) => /^module\s+(\S+)/m.exec(text)?.[1]?.split('/').pop() ?? null,
  },
  {
    file: /(^|\/)Cargo\.toml$/,
    language: 'Rust',
    dependencies: [
      { sdk: 'rust-rmcp', language: 'Rust', pattern: /^\s*rmcp\s*=\s*(?:"([^"]*)"|\{[^}]*version\s*=\s*"([^"]*)")?/m },
      { sdk: 'rust-mcp-sdk', language: 'Rust', pattern: /^\s*rust-mcp-sdk\s*=\s*(?:"([^"]*)")?/m },
    ],
    name: (text) => /\[package\][^[]*?\bname\s*=\s*"([^"]+)"/s.exec(text)?.[1] ?? null,
  },
  {
    file: /(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/,
    language: 'Java',
    dependencies: [
      { sdk: 'java-quarkus-mcp', language: 'Java', pattern: /quarkus-mcp-server/ },
      { sdk: 'java-spring-ai', language: 'Java', pattern: /spring-ai-(?:starter-)?mcp|mcp-annotations/ },
      { sdk: 'kotlin-mcp-sdk', language: 'Kotlin', pattern: /io\.modelcontextprotocol:kotlin-sdk/ },
      { sdk: 'java-mcp-sdk', language: 'Java', pattern: /io\.modelcontextprotocol\.sdk|<artifactId>mcp<\/artifactId>/ },
    ],
    name: (text) => /<artifactId>([^<]+)<\/artifactId>/.exec(text.replace(/<parent>[\s\S]*?<\/parent>/, ''))?.[1] ?? null,
  },
  {
    file: /\.csproj$/,
    language: 'C#',
    dependencies: [{
      sdk: 'csharp-mcp-sdk',
      language: 'C#',
      // A package reference, or a project reference to the SDK's own projects (its samples do that).
      pattern: /(?:PackageReference|ProjectReference)\s+Include="(?:[^"]*[\\/])?ModelContextProtocol(?:\.AspNetCore|\.Core)?(?:\.csproj)?"(?:\s+Version="([^"]*)")?/,
    }],
    name: () => null,
  },
];

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '.' : path.slice(0, slash);
}

/**
 * Finds the MCP servers of a repository: every package root whose manifest depends on an MCP SDK.
 * Monorepos hold many. Manifests in skipped folders (tests, vendored code) do not count.
 */
export function detectServers(tree: SourceTree, repoName: string): Server[] {
  const servers = new Map<string, Server>();
  for (const path of tree.paths()) {
    if (isSkippedPath(path)) continue;
    const manifest = MANIFESTS.find((m) => m.file.test(path));
    if (!manifest) continue;
    const read = tree.read(path)?.toString('utf8');
    if (!read) continue;
    const text = dependencyText(path, read, tree);
    for (const dependency of manifest.dependencies) {
      const match = dependency.pattern.exec(text);
      if (!match) continue;
      const root = dirOf(path);
      if (servers.has(root)) break;
      const fileName = path.split('/').pop() ?? path;
      const name = manifest.name(read) ?? (fileName.endsWith('.csproj') ? fileName.replace(/\.csproj$/, '') : null);
      servers.set(root, {
        path: root,
        name: name ?? (root === '.' ? repoName : root.split('/').pop()!),
        language: dependency.language,
        sdk: dependency.sdk,
        sdkVersion: match.slice(1).find((v) => v) ?? null,
      });
      break;
    }
  }
  addModulesOfServers(tree, servers);
  return [...servers.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The part of a manifest where dependencies are named. A Python project's own `name = "fastmcp"`
 * is not a dependency (the SDK's own repository is not a server), and Gradle catalogs are resolved.
 */
function dependencyText(path: string, text: string, tree: SourceTree): string {
  if (/\.gradle(\.kts)?$/.test(path)) return text + catalogCoordinates(tree, path, text);
  if (/(^|\/)(pyproject\.toml|setup\.cfg)$/.test(path)) return text.replace(/^\s*name\s*=.*$/gm, '');
  if (/(^|\/)setup\.py$/.test(path)) return text.replace(/\bname\s*=\s*["'][^"']*["']/g, '');
  return text;
}

/**
 * Gradle builds often name dependencies through a version catalog (`implementation(libs.mcp.kotlin.server)`
 * with `mcp-kotlin-server = { group = "io.modelcontextprotocol", name = "kotlin-sdk-server" }` in
 * gradle/libs.versions.toml): the `group:name` coordinates the build file refers to, one per line.
 */
function catalogCoordinates(tree: SourceTree, buildFile: string, text: string): string {
  const coordinates: string[] = [];
  for (let dir = dirOf(buildFile); ; dir = dirOf(dir)) {
    const catalog = tree.read(dir === '.' ? 'gradle/libs.versions.toml' : `${dir}/gradle/libs.versions.toml`)?.toString('utf8');
    if (catalog) {
      for (const [, alias, body] of catalog.matchAll(/^\s*([A-Za-z0-9_.-]+)\s*=\s*(\{[^}\n]*\}|"[^"\n]*")/gm)) {
        const accessor = `libs.${alias.replace(/[-_]/g, '.')}`;
        if (!text.includes(accessor)) continue;
        const group = /group\s*=\s*"([^"]+)"/.exec(body)?.[1];
        const name = /name\s*=\s*"([^"]+)"/.exec(body)?.[1];
        const module = /module\s*=\s*"([^"]+)"/.exec(body)?.[1] ?? (body.startsWith('"') ? body.slice(1, -1) : undefined);
        coordinates.push(group && name ? `${group}:${name}` : (module ?? ''));
      }
      break;
    }
    if (dir === '.') break;
  }
  return coordinates.length > 0 ? `\n${coordinates.join('\n')}` : '';
}

/** A package of the repository: its folder and the local names it depends on or inherits from. */
interface LocalModule {
  root: string;
  references: string[];
}

/** npm packages and Maven modules of the repository, by the name other modules refer to them with. */
function localModules(tree: SourceTree): Map<string, LocalModule> {
  const modules = new Map<string, LocalModule>();
  for (const path of tree.paths()) {
    if (isSkippedPath(path)) continue;
    const text = /(^|\/)(package\.json|pom\.xml)$/.test(path) ? tree.read(path)?.toString('utf8') : undefined;
    if (!text) continue;
    if (path.endsWith('package.json')) {
      let manifest: Record<string, unknown>;
      try {
        manifest = JSON.parse(text);
      } catch {
        continue;
      }
      if (typeof manifest.name !== 'string' || modules.has(manifest.name)) continue;
      const references = ['dependencies', 'devDependencies', 'peerDependencies']
        .flatMap((field) => Object.keys((manifest[field] as Record<string, unknown> | undefined) ?? {}));
      modules.set(manifest.name, { root: dirOf(path), references });
    } else {
      const own = /<artifactId>([^<]+)<\/artifactId>/.exec(text.replace(/<parent>[\s\S]*?<\/parent>/, ''))?.[1];
      if (!own || modules.has(own)) continue;
      const references = [...text.matchAll(/<artifactId>([^<]+)<\/artifactId>/g)].map((m) => m[1]).filter((a) => a !== own);
      modules.set(own, { root: dirOf(path), references });
    }
  }
  return modules;
}

/**
 * A package that depends on (or, in Maven, inherits from) another package of the same repository
 * which depends on an MCP SDK is a server too: monorepos share the SDK through one package.
 */
function addModulesOfServers(tree: SourceTree, servers: Map<string, Server>): void {
  const modules = localModules(tree);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, module] of modules) {
      if (servers.has(module.root)) continue;
      const provider = module.references.map((reference) => modules.get(reference)).find((m) => m && servers.has(m.root));
      if (!provider) continue;
      servers.set(module.root, { ...servers.get(provider.root)!, path: module.root, name });
      changed = true;
    }
  }
}

/** The deepest server whose folder holds `file`, or undefined. */
export function serverOf(servers: readonly Server[], file: string): Server | undefined {
  const depth = (server: Server): number => (server.path === '.' ? 0 : server.path.length + 1);
  let best: Server | undefined;
  for (const server of servers) {
    const inside = server.path === '.' || file === server.path || file.startsWith(`${server.path}/`);
    if (inside && (!best || depth(server) > depth(best))) best = server;
  }
  return best;
}
