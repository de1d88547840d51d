import { RISKS, type Classification, type Risk } from '../model/classification.ts';
import type { Tool } from '../model/tool.ts';
import { compare, confusionKey, isArgumentName } from './names.ts';
import { argumentChecks, uniqueChecks, type ArgumentCheck } from './params.ts';

/** A tool as the policy stage gets it; the input schema names the arguments that rules constrain. */
export interface PolicyTool {
  name: string;
  classification: Classification;
  inputSchema?: Record<string, unknown> | null;
}

/** One tool name as every format treats it, whatever the number of registrations behind it. */
export interface PlannedTool {
  name: string;
  /** The strictest risk among the name's registrations and the names a gateway could confuse with it. */
  risk: Risk;
  /** The argument rules Intercept can write, gathered over every registration of the name. */
  checks: ArgumentCheck[];
  /** An argument rule could not be written (its parameter name has a dot or unprintable characters). */
  unwritableArgument: boolean;
}

/**
 * The server's tools by name, in code-point order. A server may register one name twice (the
 * gateway cannot tell which one answers) and names a normalizing gateway could confuse; each gets
 * the strictest risk of its group, and the argument rules of all its registrations, so that no
 * order of registration loosens the policy.
 */
export function planTools(tools: PolicyTool[]): PlannedTool[] {
  const byName = new Map<string, PolicyTool[]>();
  for (const tool of tools) byName.set(tool.name, [...(byName.get(tool.name) ?? []), tool]);
  const groupRisk = new Map<string, Risk>();
  for (const tool of tools) {
    const key = confusionKey(tool.name);
    groupRisk.set(key, strictest(groupRisk.get(key) ?? 'low', tool.classification.risk));
  }
  return [...byName.keys()].sort(compare).map((name) => {
    const risk = groupRisk.get(confusionKey(name))!;
    const checks = uniqueChecks(byName.get(name)!.flatMap((tool) => argumentChecks({ ...tool, classification: { ...tool.classification, risk } })));
    return {
      name,
      risk,
      checks: checks.filter((check) => isArgumentName(check.arg)),
      unwritableArgument: checks.some((check) => !isArgumentName(check.arg)),
    };
  });
}

function strictest(a: Risk, b: Risk): Risk {
  return RISKS.indexOf(a) >= RISKS.indexOf(b) ? a : b;
}

/** How the policies treat one tool given its namesakes (the server's tools a gateway could confuse with it). */
export function plannedTool(tool: Tool, classification: Classification, namesakes: { tool: Tool; classification: Classification }[] = []): PlannedTool {
  const tools = [{ tool, classification }, ...namesakes].map((t) => ({ name: t.tool.name, classification: t.classification, inputSchema: t.tool.inputSchema }));
  return planTools(tools).find((planned) => planned.name === tool.name)!;
}
