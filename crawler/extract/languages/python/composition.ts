import type { Condition } from '../../../model/index.ts';
import type { FileExtraction, ToolDraft } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { bindingOf, evaluate } from './evaluate.ts';
import type { ModuleScope } from './module-scope.ts';
import { lineOf, unwrap } from './nodes.ts';
import { mountParts, repositoryIndex, serverKey, strings, toolKeyOf } from './repository-index.ts';
import { receiverSdk } from './sdk.ts';
import { toolDraft, type Registration } from './tool-draft.ts';

/**
 * The tools a registration exposes once the rest of the repository is taken into account:
 * renamed `prefix_name` for each literal prefix its server is mounted or imported under, and
 * marked `disabled` where `remove_tool`, `disable(names=/tags=)` or `tool.disable()` hide it.
 */
export function toolDrafts(registration: Registration, scope: ModuleScope): ToolDraft[] {
  const draft = toolDraft(registration, scope);
  if (!draft) return [];
  const index = repositoryIndex(scope);
  const objectConditions = registration.objectName && !scope.parameters ? index.toolConditions.get(toolKeyOf(scope.file.path, registration.objectName)) ?? [] : [];
  const key = registration.receiver && !scope.parameters ? serverKey(registration.receiver, scope) : null;
  const prefixes = key ? index.prefixes.get(key) ?? [] : [];
  const removals = key ? index.removals.get(key) ?? [] : [];
  const tags = strings(registration.tagsNode ?? undefined, scope) ?? [];
  const names = prefixes.length > 0 ? [...new Set(prefixes)].map((prefix) => `${prefix}_${draft.name}`) : [draft.name];
  return names.map((name) => {
    const removed: Condition[] = removals
      .filter((removal) => removal.names?.some((removedName) => removedName === name || removedName === draft.name) || removal.tags?.some((tag) => tags.includes(tag)))
      .map((removal) => removal.condition);
    return { ...draft, name, conditions: [...draft.conditions, ...objectConditions, ...removed] };
  });
}

/** Server constructors whose tools live in another process. */
const PROXIES = /\b(as_proxy|create_proxy|from_client|ProxyClient|FastMCPProxy|from_openapi|from_fastapi)\b/;

/**
 * `mcp.mount(sub)` / `mcp.import_server(sub)` of a server this repository does not define
 * (a proxy of a remote server, a parameter...): its tools are known only at run time.
 * A server defined here needs nothing: its own tools carry the prefix (see `toolDrafts`).
 */
export function compositions(scope: ModuleScope, out: FileExtraction, within: Node): void {
  for (const call of within.descendantsOfType('call')) {
    const callee = call?.childForFieldName('function');
    const method = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : null;
    const receiver = callee?.childForFieldName('object');
    if (!call || !receiver || (method !== 'mount' && method !== 'import_server') || !receiverSdk(receiver, scope)) continue;
    const { server, prefix } = mountParts(call);
    if (!server || definedHere(server, scope)) continue;
    const prefixText = prefix ? evaluate(prefix, scope) : null;
    const under = prefixText?.kind === 'str' ? ` under the prefix "${prefixText.value}"` : prefix ? ` under the prefix ${prefix.text}` : '';
    out.dynamic.push({ file: scope.file.path, line: lineOf(call), reason: `${receiver.text}.${method}(${server.text}) composes the tools of another server${under}, known only at run time` });
  }
}

/** True when a mounted server is a FastMCP/MCPServer this repository builds (here or imported). */
function definedHere(server: Node, scope: ModuleScope): boolean {
  const current = unwrap(server);
  const value = current.type === 'identifier' ? bindingOf(current, scope) : current;
  if (value) return !PROXIES.test(value.text) && /\b(FastMCP|MCPServer)\s*\(/.test(value.text);
  // An imported server object is built in the module it comes from.
  return current.type === 'identifier' && scope.imports.has(current.text);
}
