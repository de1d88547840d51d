import { z } from 'zod';

/** The four MCP tool annotation hints (spec 2025-03-26 onwards). */
export const HINTS = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const;
export type Hint = (typeof HINTS)[number];

/** Where a hint value came from: the author wrote it, the SDK filled it in, or nobody set it. */
export const HintOrigin = z.enum(['explicit', 'sdk-default', 'absent']);
export type HintOrigin = z.infer<typeof HintOrigin>;

/** A place in a repository, 1-based line. */
export const SourceLocation = z.object({
  file: z.string(),
  line: z.number().int().positive(),
});
export type SourceLocation = z.infer<typeof SourceLocation>;

/** A condition under which a tool is registered (flag, read-only mode, client capability...). */
export const Condition = z.object({
  kind: z.enum(['env', 'cli-flag', 'client-capability', 'feature-toggle', 'auth', 'branch', 'disabled']),
  expr: z.string(),
});
export type Condition = z.infer<typeof Condition>;

/** The handler's body, where it can be located statically, for code signals. */
export const HandlerSpan = z.object({
  file: z.string(),
  startLine: z.number().int().positive(),
  endLine: z.number().int().positive(),
});
export type HandlerSpan = z.infer<typeof HandlerSpan>;

/**
 * One tool definition found in source. `server` is the server's path inside the repository
 * ("." for the root). Values that could not be resolved statically keep their source text.
 */
export const Tool = z.object({
  server: z.string(),
  name: z.string(),
  nameResolved: z.boolean(),
  title: z.string().nullable(),
  description: z.string().nullable(),
  descriptionResolved: z.enum(['full', 'partial', 'none']),
  inputSchema: z.record(z.string(), z.unknown()).nullable(),
  annotations: z.record(z.string(), z.unknown()).nullable(),
  annotationsOrigin: z.record(z.string(), HintOrigin),
  file: z.string(),
  line: z.number().int().positive(),
  sdk: z.string(),
  style: z.string(),
  conditions: z.array(Condition),
  confidence: z.number().min(0).max(1),
  handler: HandlerSpan.nullable(),
  /** The name's source text when it could not be resolved to a string. */
  nameExpr: z.string().optional(),
  /** The description's source text when it could not be resolved (fully). */
  descriptionExpr: z.string().optional(),
  /** How the input schema was derived: zod-shape, json-literal, pydantic, go-struct, schemars, parameters... */
  inputSchemaSource: z.string().optional(),
  /** Where the definition came from: code (the default), or a manifest that lists tools. */
  origin: z.enum(['code', 'manifest']).optional(),
});
export type Tool = z.infer<typeof Tool>;

/** A registration whose tools are generated at run time (OpenAPI spec, remote inventory...). */
export const DynamicTools = z.object({
  server: z.string(),
  file: z.string(),
  line: z.number().int().positive(),
  reason: z.string(),
});
export type DynamicTools = z.infer<typeof DynamicTools>;

/** An MCP server inside a repository: one per package root. */
export const Server = z.object({
  path: z.string(),
  name: z.string(),
  language: z.string(),
  sdk: z.string(),
  sdkVersion: z.string().nullable(),
});
export type Server = z.infer<typeof Server>;

/** Something extraction could not read, reported instead of crashing. */
export const ExtractionWarning = z.object({
  file: z.string(),
  line: z.number().int().positive().optional(),
  message: z.string(),
});
export type ExtractionWarning = z.infer<typeof ExtractionWarning>;

export const Extraction = z.object({
  servers: z.array(Server),
  tools: z.array(Tool),
  dynamic: z.array(DynamicTools),
  warnings: z.array(ExtractionWarning),
});
export type Extraction = z.infer<typeof Extraction>;
