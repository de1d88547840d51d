export { PolicyJson, PolicyLimit, PolicyToolEntry } from './schema.ts';
export { toolPolicy, serverPolicy, toolEntry, RATE_PER_MINUTE, type ClassifiedTool } from './policy-json.ts';
export { formatPolicy } from './format.ts';
export { policyNote } from './note.ts';
export {
  interceptPolicy, interceptYaml, argumentChecks, PLACEHOLDERS, PATTERNS,
  type ArgumentCheck, type InterceptTool, type InterceptPolicy,
} from './intercept.ts';
export { claudeCodeDeny, claudeCodeToolName, codexDisabledTools, codexConfigToml } from './clients.ts';
export { FALLBACK_ARGUMENT, type ArgumentKind } from './params.ts';
export { InterceptYaml, InterceptRule, InterceptCondition, INTERCEPT_OPS } from './intercept-schema.ts';
export { ClaudeCodeSettings, CodexConfig, readCodexToml } from './client-schema.ts';
export { readYaml, YamlSubsetError } from './yaml.ts';
export {
  POLICY_FORMATS, SERVER_PLACEHOLDER, toolPolicies, serverPolicies, readPolicy,
  type PolicyFormat, type ParsedPolicy, type ClassifiedToolDefinition,
} from './formats.ts';
export { evaluateCall, evaluationState, type Decision, type EvaluationState, type ToolCall } from './evaluate.ts';
export { policyExamples, replayExample, type PolicyExample } from './examples.ts';
