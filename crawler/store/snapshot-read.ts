import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { readCapped } from '../fetch/read-local-file.ts';
import { POLICY_FORMATS, readPolicy } from '../policy/index.ts';
import { RepositoryLine, ServerLine, SnapshotManifest, ToolLine } from './snapshot-schema.ts';

/** A snapshot that cannot be imported; the message names the file and, where it applies, the line. */
export class SnapshotError extends Error {}

/** The largest snapshot file read: a server of thousands of tools with every policy format. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

export interface SnapshotServer {
  /** The server line as written (validated), then its tools. */
  server: ServerLine;
  tools: ToolLine[];
  file: string;
}

export interface Snapshot {
  manifest: SnapshotManifest;
  repositories: RepositoryLine[];
  servers: SnapshotServer[];
}

function readText(dir: string, file: string): string {
  const bytes = readCapped(join(dir, file), MAX_FILE_BYTES);
  if (!bytes) throw new SnapshotError(`${file}: missing, not a regular file, or larger than ${MAX_FILE_BYTES} bytes`);
  return bytes.toString('utf8');
}

/** One JSON value checked by a schema; an error names the file, the line and the field. */
function parseLine<T extends z.ZodType>(schema: T, text: string, where: string): z.infer<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SnapshotError(`${where}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return value as z.infer<T>;
  const issue = parsed.error.issues[0];
  throw new SnapshotError(`${where}: ${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
}

/** The non-empty lines of a JSON-lines file, with their 1-based numbers. */
function jsonLines(text: string): { line: number; text: string }[] {
  return text.split('\n').map((body, index) => ({ line: index + 1, text: body })).filter((entry) => entry.text.trim() !== '');
}

/** Policies are read back by the same strict readers as the crawler's own (a gateway's parser decides). */
function checkPolicies(policies: ServerLine['policies'], where: string): void {
  for (const format of POLICY_FORMATS) {
    try {
      readPolicy(format, policies[format]);
    } catch (error) {
      throw new SnapshotError(`${where}: policies.${format}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
}

/**
 * Reads and validates a whole snapshot before anything is written: every line against its schema,
 * every policy with its format's reader, file names against slugs, servers against repositories, tool
 * slugs unique within a server, and the counts against the manifest.
 */
export function readSnapshot(dir: string): Snapshot {
  try {
    if (!lstatSync(dir).isDirectory()) throw new Error('not a directory');
  } catch (error) {
    throw new SnapshotError(`${dir}: cannot read the snapshot folder (${error instanceof Error ? error.message : String(error)})`);
  }
  const manifest = parseLine(SnapshotManifest, readText(dir, 'manifest.json'), 'manifest.json');
  const repositories = jsonLines(readText(dir, 'repositories.jsonl')).map(({ line, text }) => parseLine(RepositoryLine, text, `repositories.jsonl:${line}`));
  const ids = new Set<string>();
  repositories.forEach((repository, index) => {
    if (ids.has(repository.id)) throw new SnapshotError(`repositories.jsonl:${index + 1}: repository ${repository.id} is listed twice`);
    ids.add(repository.id);
  });
  const names = readdirSync(join(dir, 'servers')).filter((name) => name.endsWith('.jsonl')).sort();
  const servers = names.map((name) => readServer(dir, `servers/${name}`, name.slice(0, -'.jsonl'.length), ids));
  const places = new Map<string, string>();
  for (const { server, file } of servers) {
    const place = `${server.repository}\u0000${server.path}`;
    if (places.has(place)) throw new SnapshotError(`${file}:1: ${server.repository} path ${JSON.stringify(server.path)} is also the server of ${places.get(place)}`);
    places.set(place, file);
  }
  const tools = servers.reduce((sum, server) => sum + server.tools.length, 0);
  const counted = { repositories: repositories.length, servers: servers.length, tools };
  for (const [what, count] of Object.entries(counted)) {
    const expected = manifest[what as keyof typeof counted];
    if (count !== expected) throw new SnapshotError(`manifest.json: says ${expected} ${what}, the snapshot holds ${count}`);
  }
  return { manifest, repositories, servers };
}

function readServer(dir: string, file: string, slug: string, repositories: ReadonlySet<string>): SnapshotServer {
  const [first, ...rest] = jsonLines(readText(dir, file));
  if (!first) throw new SnapshotError(`${file}: empty (the first line must be the server)`);
  const server = parseLine(ServerLine, first.text, `${file}:${first.line}`);
  if (server.slug !== slug) throw new SnapshotError(`${file}:${first.line}: slug ${JSON.stringify(server.slug)} does not match the file name`);
  if (!repositories.has(server.repository)) throw new SnapshotError(`${file}:${first.line}: repository ${server.repository} is not in repositories.jsonl`);
  checkPolicies(server.policies, `${file}:${first.line}`);
  const slugs = new Set<string>();
  const tools = rest.map(({ line, text }) => {
    const where = `${file}:${line}`;
    const tool = parseLine(ToolLine, text, where);
    if (slugs.has(tool.slug)) throw new SnapshotError(`${where}: tool slug ${tool.slug} appears twice in this server`);
    slugs.add(tool.slug);
    if (tool.definition.server !== server.path) throw new SnapshotError(`${where}: definition.server ${JSON.stringify(tool.definition.server)} is not this server's path`);
    checkPolicies(tool.policies, where);
    return tool;
  });
  return { server, tools, file };
}
