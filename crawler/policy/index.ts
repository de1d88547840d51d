export { PolicyJson, PolicyLimit, PolicyToolEntry } from './schema.ts';
export { toolPolicy, serverPolicy, toolEntry, RATE_PER_MINUTE, type ClassifiedTool } from './policy-json.ts';
export { formatPolicy } from './format.ts';
export { policyNote } from './note.ts';
export { interceptPolicy, interceptYaml, PLACEHOLDERS, type InterceptTool, type InterceptPolicy } from './intercept.ts';
export { claudeCodeDeny, claudeCodeToolName, codexDisabledTools, codexConfigToml } from './clients.ts';
