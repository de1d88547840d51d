import type { Condition } from '../../../model/index.ts';
import type { FileExtraction, ToolDraft } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { conditionsOf } from './conditions.ts';
import { bindingOf, evaluate, localBinding } from './evaluate.ts';
import type { ModuleScope } from './module-scope.ts';
import { enclosing, lineOf, unwrap } from './nodes.ts';
import { mountParts, repositoryIndex, serverKey, strings, toolKeyOf } from './repository-index.ts';
import { receiverSdk } from './sdk.ts';
import { toolDraft, type Registration } from './tool-draft.ts';

/**
 * The tools a registration exposes once the rest of the repository is taken into account:
 * renamed `prefix_name` for each literal prefix its server is mounted or imported under, and
 * marked `disabled` where `remove_tool`, `disable(names=/tags=)` or `tool.disable()` hide it.
 */
export function toolDrafts(registration: Registration, scope: ModuleScope): ToolDraft[] {
  const variants = nameAlternatives(registration.nameNode, scope);
  if (variants) {
    return variants.flatMap((variant) => toolDrafts({ ...registration, nameNode: variant.value, conditions: [...registration.conditions, ...variant.conditions] }, scope));
  }
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

/**
 * `NAME = "a"` then `if FLAG: NAME = "b"` (or if/else, try/except): one value per assignment,
 * each with its branch; the unconditional one holds when no override applies. Null when the
 * name has a single value.
 */
function nameAlternatives(nameNode: Node | null, scope: ModuleScope): { value: Node; conditions: Condition[] }[] | null {
  const current = nameNode ? unwrap(nameNode) : null;
  if (current?.type !== 'identifier') return null;
  const local = localBinding(current);
  if (local === 'parameter') return null;
  const values = local ? localAssignments(current) : scope.allAssignments.get(current.text) ?? [];
  const distinct = new Set(values.map((value) => value.text));
  if (values.length < 2 || distinct.size < 2) return null;
  const around = conditionsOf(current, scope).length;
  const guarded = values.map((value) => ({ value, conditions: conditionsOf(value, scope).slice(local ? around : 0) }));
  const overrides = guarded.filter((variant) => variant.conditions.length > 0);
  return guarded.map((variant) => {
    if (variant.conditions.length > 0 || overrides.length === 0) return variant;
    const negated: Condition[] = overrides.map((override) => ({
      kind: override.conditions[override.conditions.length - 1].kind,
      expr: `not (${override.conditions.map((condition) => condition.expr).join(' and ')})`,
    }));
    return { value: variant.value, conditions: negated };
  }).filter((variant, index, all) => all.findIndex((other) => other.value.text === variant.value.text && sameConditions(other.conditions, variant.conditions)) === index);
}

/** Assignments of a local name in its function before the use. */
function localAssignments(identifier: Node): Node[] {
  const fn = enclosing(identifier, ['function_definition']);
  const values: Node[] = [];
  for (const assignment of fn?.descendantsOfType('assignment') ?? []) {
    const left = assignment?.childForFieldName('left');
    const right = assignment?.childForFieldName('right');
    if (assignment && right && left?.type === 'identifier' && left.text === identifier.text && assignment.startIndex < identifier.startIndex) values.push(right);
  }
  return values;
}

function sameConditions(a: Condition[], b: Condition[]): boolean {
  return a.length === b.length && a.every((condition, index) => condition.kind === b[index].kind && condition.expr === b[index].expr);
}
