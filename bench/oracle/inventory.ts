import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { Registry, type OraclePackage } from './package-list.ts';

/** Why a package gave no tool list. */
export const FailureClass = z.enum([
  'install-failed',
  'exited',
  'needs-credentials',
  'http-only',
  'native-binary',
  'needs-network',
  'timeout',
  'protocol-error',
  'not-a-server',
]);
export type FailureClass = z.infer<typeof FailureClass>;

/** A tool as the server's own tools/list gave it. */
export const RecordedTool = z.object({
  name: z.string(),
  title: z.string().nullable(),
  description: z.string().nullable(),
  inputSchema: z.record(z.string(), z.unknown()),
  annotations: z.record(z.string(), z.unknown()).nullable(),
});
export type RecordedTool = z.infer<typeof RecordedTool>;

export const Failure = z.object({
  class: FailureClass,
  reason: z.string(),
  /** The last lines the server wrote to stderr, placeholders and temporary paths masked. */
  stderr: z.array(z.string()),
});
export type Failure = z.infer<typeof Failure>;

/** One package's recording: its tools, or why there are none. */
export const Inventory = z.object({
  registry: Registry,
  package: z.string(),
  version: z.string().nullable(),
  recordedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The MCP SDK or framework the package depends on, `none` when it bundles or hides it. */
  family: z.string(),
  /** Every MCP SDK or framework among its dependencies, with the range it asks for. */
  mcpDependencies: z.record(z.string(), z.string()),
  outcome: z.enum(['listed', 'failed']),
  /** serverInfo from initialize. */
  server: z.object({ name: z.string(), version: z.string() }).nullable(),
  /** What it was started with: the executable, arguments, and names of the placeholder settings. */
  started: z.object({
    bin: z.string().nullable(),
    args: z.array(z.string()),
    env: z.array(z.string()),
    /** Names added because an error message asked for them. */
    envFromErrors: z.array(z.string()),
  }),
  /** A digest of packages.json's entry, so a changed entry is recorded again. */
  settingsDigest: z.string(),
  seconds: z.number(),
  /** Where tools/list broke the SDK's schema (the tools are recorded as sent); absent when it did not. */
  sdkSchemaIssues: z.array(z.string()).optional(),
  tools: z.array(RecordedTool),
  failure: Failure.nullable(),
});
export type Inventory = z.infer<typeof Inventory>;

/** Where a package's inventory is kept: `<dir>/<registry>/<name>.json` (a scope becomes a folder). */
export function inventoryPath(dir: string, pkg: OraclePackage): string {
  return join(dir, pkg.registry, `${pkg.name}.json`);
}

/** Object keys sorted at every depth, so a re-recording diffs only where the server changed. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]));
}

/** Pretty JSON in a fixed key order: the fields as declared, schemas and annotations sorted. */
export function serializeInventory(inventory: Inventory): string {
  const ordered = Inventory.parse(inventory);
  const tools = ordered.tools.map((tool) => ({
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: sortedKeys(tool.inputSchema),
    annotations: sortedKeys(tool.annotations),
  }));
  return `${JSON.stringify({ ...ordered, mcpDependencies: sortedKeys(ordered.mcpDependencies), tools }, null, 2)}\n`;
}

export function writeInventory(dir: string, pkg: OraclePackage, inventory: Inventory): void {
  const path = inventoryPath(dir, pkg);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, serializeInventory(inventory));
}

/** The recorded inventory, or null when there is none; a corrupt file is an error naming it. */
export function readInventory(dir: string, pkg: OraclePackage): Inventory | null {
  const path = inventoryPath(dir, pkg);
  if (!existsSync(path)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = Inventory.safeParse(raw);
  if (!parsed.success) throw new Error(`${path}: not an oracle inventory:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
