import { z } from 'zod';
import { nameRecord } from './name-record.ts';

/**
 * A Claude Code permission rule for an MCP tool: `mcp__<server>`, `mcp__<server>__*` or
 * `mcp__<server>__<tool>` (docs.anthropic.com, Claude Code settings, "Permission rules").
 */
const McpPermissionRule = z.string().regex(/^mcp__[A-Za-z0-9_-]+(__([A-Za-z0-9_-]+|\*))?$/, 'expected mcp__<server>__<tool>');

/** The `.claude/settings.json` fragment we emit: only `permissions.deny`. */
export const ClaudeCodeSettings = z.object({
  permissions: z.object({ deny: z.array(McpPermissionRule) }).strict(),
}).strict();
export type ClaudeCodeSettings = z.infer<typeof ClaudeCodeSettings>;

/**
 * The Codex `config.toml` fragment we emit: one `[mcp_servers.<name>]` table with
 * `disabled_tools`, and `enabled = false` when a tool that must be denied cannot be named
 * (developers.openai.com/codex, config reference). The user merges it into the table that already
 * holds the server's `command`.
 */
export const CodexConfig = z.object({
  mcp_servers: nameRecord(z.object({ enabled: z.literal(false).optional(), disabled_tools: z.array(z.string()) }).strict()),
}).strict().refine((config) => Object.keys(config.mcp_servers).length === 1, 'exactly one [mcp_servers.<name>] table');
export type CodexConfig = z.infer<typeof CodexConfig>;
