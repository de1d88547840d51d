import { z } from 'zod';

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
 * `disabled_tools` (developers.openai.com/codex, config reference). The user merges it into the
 * table that already holds the server's `command`.
 */
export const CodexConfig = z.object({
  mcp_servers: z.record(z.string().min(1), z.object({ disabled_tools: z.array(z.string()) }).strict()),
}).strict().refine((config) => Object.keys(config.mcp_servers).length === 1, 'exactly one [mcp_servers.<name>] table');
export type CodexConfig = z.infer<typeof CodexConfig>;

/**
 * Reads the TOML subset codexConfigToml writes: a `[mcp_servers.<key>]` header (bare or quoted
 * key) and `disabled_tools = [...]` of basic strings, which share JSON's escapes.
 */
export function readCodexToml(text: string): unknown {
  const result: Record<string, Record<string, unknown>> = {};
  let table: Record<string, unknown> | null = null;
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const header = /^\[mcp_servers\.([A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*")\]$/.exec(line);
    if (header) {
      const name = header[1].startsWith('"') ? JSON.parse(header[1]) as string : header[1];
      table = {};
      result[name] = table;
      continue;
    }
    const entry = /^([A-Za-z0-9_-]+) = (\[.*\])$/.exec(line);
    if (!entry || !table) throw new Error(`line ${index + 1}: not in the TOML subset we write`);
    table[entry[1]] = JSON.parse(entry[2]);
  }
  return { mcp_servers: result };
}
