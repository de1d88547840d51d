import type { Classification, Risk } from '../model/classification.ts';
import { isPlainName } from './names.ts';
import { planTools, type PolicyTool } from './plan.ts';
import { PolicyJson, type PolicyToolEntry } from './schema.ts';

/** Calls per minute by risk; the numbers are PolicyLayer's own templates (Write 30, Execute 10). */
export const RATE_PER_MINUTE: Record<'medium' | 'high', number> = { medium: 30, high: 10 };

export interface ClassifiedTool {
  name: string;
  classification: Classification;
}

/** The per-tool entry SPEC §6 prescribes, or `null` when the tool is hidden (critical). */
export function toolEntry(toolName: string, risk: Risk): PolicyToolEntry | null {
  switch (risk) {
    case 'low': return {};
    case 'medium':
    case 'high':
      return { limits: [{ counter: `${toolName}_rate`, window: 'minute', max: RATE_PER_MINUTE[risk], scope: 'grant' }] };
    case 'critical': return null;
  }
}

export function toolPolicy(toolName: string, classification: Classification): PolicyJson {
  return serverPolicy([{ name: toolName, classification }]);
}

/**
 * A server's policy: default deny, its tools' entries combined, critical tools hidden. A name the
 * format cannot carry as itself (see isPlainName) is left out of both lists: default deny refuses it.
 */
export function serverPolicy(tools: PolicyTool[]): PolicyJson {
  const hide: string[] = [];
  const entries: Record<string, PolicyToolEntry> = Object.create(null);
  for (const tool of planTools(tools)) {
    if (!isPlainName(tool.name)) continue;
    const entry = toolEntry(tool.name, tool.risk);
    if (entry) entries[tool.name] = entry;
    else hide.push(tool.name);
  }
  const policy: PolicyJson = { version: '1', default: 'deny' };
  if (hide.length > 0) policy.hide = hide;
  if (Object.keys(entries).length > 0) policy.tools = entries;
  return PolicyJson.parse(policy);
}
