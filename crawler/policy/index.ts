export { PolicyJson, PolicyLimit, PolicyToolEntry } from './schema.ts';
export { toolPolicy, serverPolicy, toolEntry, RATE_PER_MINUTE, type ClassifiedTool } from './policy-json.ts';
export { formatPolicy } from './format.ts';
export { policyNote } from './note.ts';
export {
  interceptPolicy, interceptYaml, PLACEHOLDERS, PATTERNS, UNWRITABLE_ARGUMENT_RULE,
  type InterceptTool, type InterceptPolicy,
} from './intercept.ts';
export { claudeCodeDeny, claudeCodeToolName, codexConfig, codexDisabledTools, codexConfigToml } from './clients.ts';
export { FALLBACK_ARGUMENT, argumentChecks, type ArgumentCheck, type ArgumentKind } from './params.ts';
export { isPlainName, isArgumentName, confusionKey, WILDCARD } from './names.ts';
export { plannedTool, planTools, type PlannedTool, type PolicyTool } from './plan.ts';
export { InterceptYaml, InterceptRule, InterceptCondition, INTERCEPT_OPS } from './intercept-schema.ts';
export { ClaudeCodeSettings, CodexConfig } from './client-schema.ts';
export { readYaml, readToml, PolicyTextError } from './read.ts';
export {
  POLICY_FORMATS, SERVER_PLACEHOLDER, namesakesOf, toolPolicies, serverPolicies, readPolicy,
  type PolicyFormat, type ParsedPolicy, type ClassifiedToolDefinition,
} from './formats.ts';
export { evaluateCall, evaluationState, type Decision, type EvaluationState, type ToolCall } from './evaluate.ts';
export { policyExamples, replayExample, type PolicyExample } from './examples.ts';
