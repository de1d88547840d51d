import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** How the archive host misbehaves for one repository (SPEC §10: hostile archives). */
export type ArchiveFault = 'truncated' | 'dotdot' | 'absolute' | 'symlink' | 'bomb' | 'huge-file' | 'missing';

export type Files = Record<string, string | Buffer>;

/** One repository the stand-in serves: metadata, and the files of each commit. */
export interface FixtureRepo {
  databaseId: number;
  owner: string;
  name: string;
  createdAt: string;
  description: string;
  topics: string[];
  stars: number;
  archived: boolean;
  fork: boolean;
  defaultBranch: string;
  headSha: string | null;
  commits: Map<string, Files>;
  /** Earlier `owner/name`s (lower case) that still resolve here, as GitHub redirects renamed repositories. */
  formerNames: string[];
  archiveFault?: ArchiveFault;
  readme?: string;
  deleted: boolean;
}

/** One entry of the MCP Registry (`/v0.1/servers`). */
export interface RegistryEntry {
  name: string;
  description: string;
  version: string;
  repository?: { url: string; source: string; id?: string; subfolder?: string };
  status: 'active' | 'deprecated' | 'deleted';
  publishedAt: string;
  updatedAt: string;
}

function sha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex');
}

/** The GitHub the stand-in pretends to be: repositories, their commits, the registry. */
export class World {
  readonly repos: FixtureRepo[] = [];
  readonly registry: RegistryEntry[] = [];
  private nextId = 100_000;
  private commitCounter = 0;

  addRepo(init: Partial<Omit<FixtureRepo, 'commits' | 'headSha'>> & { owner: string; name: string; files?: Files }): FixtureRepo {
    const repo: FixtureRepo = {
      databaseId: init.databaseId ?? this.nextId++,
      owner: init.owner,
      name: init.name,
      createdAt: init.createdAt ?? '2025-03-01T00:00:00Z',
      description: init.description ?? `${init.name}: an MCP server`,
      topics: init.topics ?? ['mcp-server'],
      stars: init.stars ?? 1,
      archived: init.archived ?? false,
      fork: init.fork ?? false,
      defaultBranch: init.defaultBranch ?? 'main',
      headSha: null,
      commits: new Map(),
      formerNames: [],
      archiveFault: init.archiveFault,
      readme: init.readme,
      deleted: false,
    };
    this.repos.push(repo);
    if (init.files) this.commit(repo, init.files);
    return repo;
  }

  /** A new head commit with these files. */
  commit(repo: FixtureRepo, files: Files): string {
    const oid = sha(`${repo.databaseId}:${this.commitCounter++}:${JSON.stringify(Object.keys(files))}`);
    repo.commits.set(oid, files);
    repo.headSha = oid;
    return oid;
  }

  rename(repo: FixtureRepo, owner: string, name: string): void {
    repo.formerNames.push(`${repo.owner}/${repo.name}`.toLowerCase());
    repo.owner = owner;
    repo.name = name;
  }

  remove(repo: FixtureRepo): void {
    repo.deleted = true;
  }

  /** The live repository answering to `owner/name`, following renames. */
  find(owner: string, name: string): FixtureRepo | undefined {
    const key = `${owner}/${name}`.toLowerCase();
    const live = this.repos.filter((r) => !r.deleted);
    return live.find((r) => `${r.owner}/${r.name}`.toLowerCase() === key) ?? live.find((r) => r.formerNames.includes(key));
  }

  addRegistryEntry(entry: Partial<RegistryEntry> & { name: string }): RegistryEntry {
    const full: RegistryEntry = {
      description: `${entry.name} server`, version: '1.0.0', status: 'active',
      publishedAt: '2025-06-01T00:00:00Z', updatedAt: '2025-06-01T00:00:00Z', ...entry,
    };
    this.registry.push(full);
    return full;
  }
}

/** Reads a fixture folder into files (POSIX paths). */
export function readFolder(dir: string): Files {
  const files: Files = {};
  const walk = (abs: string): void => {
    for (const name of readdirSync(abs)) {
      const path = join(abs, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path).split('\\').join('/')] = readFileSync(path);
    }
  };
  walk(dir);
  return files;
}

/** The hand-written fixture repositories under `repos/`, each folder named `owner__name`. */
export function fixtureRepos(): { owner: string; name: string; files: Files }[] {
  const root = join(import.meta.dirname, 'repos');
  return readdirSync(root).sort().map((folder) => {
    const [owner, name] = folder.split('__');
    return { owner, name, files: readFolder(join(root, folder)) };
  });
}

/** A small TypeScript MCP server with two tools; `revision` changes a description, so a new commit changes the catalog. */
export function syntheticFiles(index: number, revision = 0): Files {
  const pkg = { name: `synthetic-${index}`, version: '1.0.0', dependencies: { '@modelcontextprotocol/sdk': '^1.17.0', zod: '^3.25.0' } };
  const source = `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";

const server = new McpServer({ name: "synthetic-${index}", version: "1.0.${revision}" });

server.registerTool("get_record_${index}", {
  description: "Reads record ${index} (revision ${revision})",
  inputSchema: { id: z.string() },
}, async ({ id }) => ({ content: [{ type: "text", text: id }] }));

server.registerTool("delete_record", {
  description: "Deletes a record permanently",
  inputSchema: { id: z.string() },
}, async ({ id }) => ({ content: [{ type: "text", text: id }] }));
`;
  return {
    'package.json': `${JSON.stringify(pkg, null, 2)}\n`,
    'src/index.ts': source,
    'README.md': `# synthetic-${index}\n`,
    'docs/logo.png': Buffer.alloc(2048, 7),
  };
}

/** A day of 2024–2025 for synthetic repository `index`, spread so that search slices need splitting. */
export function syntheticCreatedAt(index: number): string {
  const start = Date.UTC(2024, 0, 1);
  const span = Date.UTC(2025, 11, 31) - start;
  const offset = Math.floor(((index * 7919) % 10_007) / 10_007 * span);
  return new Date(start + offset).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
