import type { Classification } from '../model/classification.ts';
import type { Tool } from '../model/tool.ts';
import { claudeCodeDeny, codexConfigToml } from './clients.ts';
import { ClaudeCodeSettings, CodexConfig } from './client-schema.ts';
import { formatPolicy } from './format.ts';
import { InterceptYaml } from './intercept-schema.ts';
import { interceptYaml } from './intercept.ts';
import { confusionKey, SERVER_PLACEHOLDER } from './names.ts';
import { serverPolicy } from './policy-json.ts';
import { readToml, readYaml } from './read.ts';
import { PolicyJson } from './schema.ts';

/**
 * The formats we emit, each with a published schema. agentgateway is left out: its
 * `mcpAuthorization` rules are CEL over JWT claims and tool names, and no public source we have
 * shows argument access, so we cannot say what a rule would do with a call.
 */
export const POLICY_FORMATS = ['policy-json', 'intercept-yaml', 'claude-code', 'codex'] as const;
export type PolicyFormat = (typeof POLICY_FORMATS)[number];

export interface ClassifiedToolDefinition {
  tool: Tool;
  classification: Classification;
}

export { SERVER_PLACEHOLDER } from './names.ts';

/**
 * One tool's policy in every format. Claude Code and Codex keys need the server's name. `namesakes`
 * are the server's other tools a gateway could take for this one (`namesakesOf`): they share its
 * entry, so a tool's own page never allows a name the whole server's policy hides.
 */
export function toolPolicies(tool: Tool, classification: Classification, serverName = SERVER_PLACEHOLDER, namesakes: ClassifiedToolDefinition[] = []): Record<PolicyFormat, string> {
  return serverPolicies(serverName, [{ tool, classification }, ...namesakes]);
}

/** The other tools of a server registered under this tool's name or one a normalizing gateway could confuse with it. */
export function namesakesOf<T extends ClassifiedToolDefinition>(tool: T, serverTools: readonly T[]): T[] {
  const key = confusionKey(tool.tool.name);
  return serverTools.filter((other) => other !== tool && confusionKey(other.tool.name) === key);
}

/** A server's policy in every format, each text checked against its format's schema. */
export function serverPolicies(serverName: string, tools: ClassifiedToolDefinition[]): Record<PolicyFormat, string> {
  const named = tools.map(({ tool, classification }) => ({ name: tool.name, classification, inputSchema: tool.inputSchema }));
  const texts: Record<PolicyFormat, string> = {
    'policy-json': formatPolicy(serverPolicy(named)),
    'intercept-yaml': interceptYaml(serverName, named),
    'claude-code': `${JSON.stringify(claudeCodeDeny(serverName, named), null, 2)}\n`,
    codex: codexConfigToml(serverName, named),
  };
  for (const format of POLICY_FORMATS) readPolicy(format, texts[format]);
  return texts;
}

export type ParsedPolicy =
  | { format: 'policy-json'; policy: PolicyJson }
  | { format: 'intercept-yaml'; policy: InterceptYaml }
  | { format: 'claude-code'; policy: ClaudeCodeSettings }
  | { format: 'codex'; policy: CodexConfig };

/**
 * Parses a policy text with the real parser of its format (the `yaml` library with strict options,
 * smol-toml, JSON.parse) and validates it; throws when it is not valid. The evaluator reads
 * through this, so what it decides is what the gateway's parser sees.
 */
export function readPolicy(format: PolicyFormat, text: string): ParsedPolicy {
  switch (format) {
    case 'policy-json': return { format, policy: PolicyJson.parse(JSON.parse(text)) };
    case 'intercept-yaml': return { format, policy: InterceptYaml.parse(readYaml(text)) };
    case 'claude-code': return { format, policy: ClaudeCodeSettings.parse(JSON.parse(text)) };
    case 'codex': return { format, policy: CodexConfig.parse(readToml(text)) };
  }
}
