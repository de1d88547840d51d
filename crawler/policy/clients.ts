import { stringify } from 'smol-toml';
import { CodexConfig } from './client-schema.ts';
import { isWellFormed, SERVER_PLACEHOLDER } from './names.ts';
import { planTools, type PolicyTool } from './plan.ts';

/**
 * Claude Code names MCP tools `mcp__<server>__<tool>`; characters outside [A-Za-z0-9_-] become
 * underscores, code unit by code unit (its normalizeNameForMCP), in the tool name too: a crawled
 * name may hold spaces or markup, and a permission rule with a space in it would not parse.
 */
export function claudeCodeToolName(serverName: string, toolName: string): string {
  return `mcp__${claudeCodeName(serverName)}__${claudeCodeName(toolName)}`;
}

function claudeCodeName(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, '_');
}

/**
 * Claude Code settings (`.claude/settings.json`) denying the tools our policy hides. Names it
 * normalizes alike share a rule, which denies them all. A tool with an empty name has no rule of
 * its own, so a critical one denies the whole server (`mcp__<server>`).
 */
export function claudeCodeDeny(serverName: string, tools: PolicyTool[]): { permissions: { deny: string[] } } {
  const server = claudeCodeName(serverName) || SERVER_PLACEHOLDER;
  const hidden = hiddenNames(tools);
  if (hidden.includes('')) return { permissions: { deny: [`mcp__${server}`] } };
  return { permissions: { deny: [...new Set(hidden.map((name) => claudeCodeToolName(server, name)))] } };
}

/** Codex `disabled_tools` for `[mcp_servers.<name>]` in config.toml: the tools our policy hides. */
export function codexDisabledTools(tools: PolicyTool[]): string[] {
  return hiddenNames(tools).filter(isWellFormed);
}

/**
 * The Codex `config.toml` fragment. TOML cannot write an unpaired surrogate (a serializer swaps
 * in U+FFFD, another name), so when a hidden tool's name has one the fragment switches the whole
 * server off (`enabled = false`) instead of leaving the tool on.
 */
export function codexConfig(serverName: string, tools: PolicyTool[]): CodexConfig {
  const server = serverName !== '' && isWellFormed(serverName) ? serverName : SERVER_PLACEHOLDER;
  const unnamed = hiddenNames(tools).some((name) => !isWellFormed(name));
  const table = { ...(unnamed ? { enabled: false as const } : {}), disabled_tools: codexDisabledTools(tools) };
  const servers: CodexConfig['mcp_servers'] = Object.create(null);
  servers[server] = table;
  return CodexConfig.parse({ mcp_servers: servers });
}

/** The TOML text, written by smol-toml; the comment is fixed text. */
export function codexConfigToml(serverName: string, tools: PolicyTool[]): string {
  const config = codexConfig(serverName, tools);
  const disabled = Object.values(config.mcp_servers).some((table) => table.enabled === false);
  const note = disabled ? '# A tool this policy must deny has a name TOML cannot write, so the server is switched off.\n' : '';
  return `${note}${stringify(config)}`;
}

/** Names of the tools our policy hides: critical after merging registrations and confusable names. */
function hiddenNames(tools: PolicyTool[]): string[] {
  return planTools(tools).filter((tool) => tool.risk === 'critical').map((tool) => tool.name);
}
