import { z } from 'zod';
import { Category, Evidence, ExtractionWarning, PolicyLayerCategory, Risk, Tag, Tool } from '../model/index.ts';
import { POLICY_FORMATS } from '../policy/index.ts';
import { ServerPackage } from '../pipeline/packages.ts';
import { isServerSlug, isSlug } from './slug.ts';

/**
 * The committed catalog (`data/snapshot/`): `manifest.json`, `repositories.jsonl` (one repository a line,
 * sorted by name) and `servers/<slug>.jsonl` (the server on the first line, then its tools sorted by
 * slug). Every line is one JSON object, so a change to a tool is a change to one line. No source file is
 * in it: only what the catalog stores. These schemas validate a snapshot before a byte of it is imported.
 */

export const SNAPSHOT_FORMAT = 'mcp-risk-snapshot';
export const SNAPSHOT_VERSION = 1;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Text = (max: number) => z.string().max(max);

/** What the snapshot holds, for a reader and for a check that nothing is missing. */
export const SnapshotManifest = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION),
  classifierVersion: Text(40),
  repositories: z.number().int().nonnegative(),
  servers: z.number().int().nonnegative(),
  tools: z.number().int().nonnegative(),
}).strict();
export type SnapshotManifest = z.infer<typeof SnapshotManifest>;

export const RepositoryLine = z.object({
  id: Text(300).regex(/^[a-z]+:\S/),
  fullName: Text(300).min(1),
  source: Text(40),
  url: z.string().regex(/^https:\/\/[^\s"'<>`\\]+$/).max(400).nullable(),
  commit: z.string().regex(/^[0-9a-f]{40}$/).nullable(),
  contentHash: Text(100),
  stars: z.number().int().nonnegative().nullable(),
  language: Text(100).nullable(),
  description: Text(10_000).nullable(),
  crawledAt: z.iso.datetime(),
  status: z.enum(['ok', 'failed', 'stale']),
  error: Text(2_000).nullable(),
  warnings: z.array(ExtractionWarning.strict()),
}).strict();
export type RepositoryLine = z.infer<typeof RepositoryLine>;

/** Every policy format, as the text a user copies. */
const Policies = z.object(Object.fromEntries(POLICY_FORMATS.map((format) => [format, Text(1_000_000)])) as Record<(typeof POLICY_FORMATS)[number], z.ZodString>).strict();

export const ServerLine = z.object({
  kind: z.literal('server'),
  slug: z.string().refine(isServerSlug, 'not a server slug the site can serve'),
  repository: Text(300),
  path: Text(4096).min(1),
  name: Text(1000),
  language: Text(100),
  sdk: Text(200),
  sdkVersion: Text(200).nullable(),
  packages: z.array(ServerPackage.strict()),
  assessment: z.record(z.string(), z.unknown()),
  policies: Policies,
  dynamic: z.array(z.object({ file: Text(4096), line: z.number().int().positive(), reason: Text(10_000) }).strict()),
}).strict();
export type ServerLine = z.infer<typeof ServerLine>;

const FindingLine = z.object({
  rule: Text(200),
  message: Text(10_000),
  category: Category.nullable(),
  risk: Risk.nullable(),
  tags: z.array(Tag),
  evidence: z.array(Evidence),
}).strict();

export const ToolLine = z.object({
  kind: z.literal('tool'),
  slug: z.string().refine(isSlug, 'not a tool slug the site can serve'),
  /** The extracted Tool as stored (its text is kept byte for byte: the change key hashes it). */
  definition: Tool.loose(),
  definitionHash: Sha256,
  classification: z.object({
    category: Category,
    policyLayerCategory: PolicyLayerCategory,
    risk: Risk,
    tags: z.array(Tag),
    confidence: z.number().min(0).max(1),
    rules: z.array(Text(200)),
    rationale: Text(100_000),
    classifierVersion: Text(40),
    policyNote: Text(100_000),
    hash: Sha256,
  }).strict(),
  findings: z.array(FindingLine),
  policies: Policies,
  examples: z.array(z.object({
    format: z.enum(POLICY_FORMATS),
    call: z.record(z.string(), z.unknown()),
    decision: z.enum(['allow', 'deny']),
    reason: Text(10_000),
  }).strict()),
}).strict();
export type ToolLine = z.infer<typeof ToolLine>;
