import type { ClassifiedTool } from './policy-json.ts';
import { compare } from './policy-json.ts';

/**
 * Claude Code names MCP tools `mcp__<server>__<tool>`; characters outside [A-Za-z0-9_-] become
 * underscores (in the tool name too: a crawled name may hold spaces or markup, and a permission
 * rule with a space in it would not parse).
 */
export function claudeCodeToolName(serverName: string, toolName: string): string {
  const clean = (name: string): string => name.replace(/[^A-Za-z0-9_-]/g, '_');
  return `mcp__${clean(serverName)}__${clean(toolName)}`;
}

/** Claude Code settings (`.claude/settings.json`) denying the tools our policy hides. */
export function claudeCodeDeny(serverName: string, tools: ClassifiedTool[]): { permissions: { deny: string[] } } {
  return { permissions: { deny: hidden(tools).map((name) => claudeCodeToolName(serverName, name)) } };
}

/** Codex `disabled_tools` for `[mcp_servers.<name>]` in config.toml: the tools our policy hides. */
export function codexDisabledTools(tools: ClassifiedTool[]): string[] {
  return hidden(tools);
}

export function codexConfigToml(serverName: string, tools: ClassifiedTool[]): string {
  const key = /^[A-Za-z0-9_-]+$/.test(serverName) ? serverName : JSON.stringify(serverName);
  const list = codexDisabledTools(tools).map((name) => JSON.stringify(name)).join(', ');
  return `[mcp_servers.${key}]\ndisabled_tools = [${list}]\n`;
}

function hidden(tools: ClassifiedTool[]): string[] {
  return [...new Set(tools.filter((tool) => tool.classification.risk === 'critical').map((tool) => tool.name))].sort(compare);
}
