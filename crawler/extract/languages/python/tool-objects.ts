import type { FileExtraction, ToolDraft } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { conditionsOf } from './conditions.ts';
import { loopValues } from './evaluate.ts';
import { isLoopVariable } from './functions.ts';
import { schemaOfExpression } from './input-schema.ts';
import type { ModuleScope } from './module-scope.ts';
import { callArguments, dottedName, enclosing, lineOf, namedChildren, type CallArguments } from './nodes.ts';
import { isSdkModule, sdkOfImports } from './sdk.ts';
import { toolDrafts } from './composition.ts';

/**
 * True when a callee is the MCP `Tool` type: `Tool`, `types.Tool`, `mcp.types.Tool`, unless
 * the name visibly comes from another library (`from langchain.tools import Tool`).
 */
function isMcpToolType(callee: Node, scope: ModuleScope): boolean {
  const parts = dottedName(callee);
  if (!parts || parts[parts.length - 1] !== 'Tool') return false;
  const binding = scope.imports.get(parts[0]);
  if (binding) return isSdkModule(binding.module);
  return parts.length === 1 ? !scope.classes.has('Tool') : false;
}

/**
 * Tool objects of the low-level server: `Tool(name=..., description=..., inputSchema=...)` as
 * returned by `@server.list_tools()` (or an `on_list_tools=` handler), built inline, in
 * variables or appended under conditions. The line is the one holding `name=`.
 */
export function toolObjects(scope: ModuleScope, out: FileExtraction, within: Node = scope.root): void {
  const sdk = sdkOfImports(scope);
  if (!sdk) return;
  for (const call of within.descendantsOfType('call')) {
    const callee = call?.childForFieldName('function');
    if (!call || !callee || !isMcpToolType(callee, scope)) continue;
    const args = callArguments(call);
    const nameNode = args.keywords.get('name');
    if (!nameNode) continue;
    const unrolled = unrollLoop(nameNode, scope);
    if (unrolled) {
      for (const each of unrolled) out.tools.push(...objectDrafts(call, args, nameNode, each, sdk));
      continue;
    }
    if (isLoopVariable(nameNode)) {
      out.dynamic.push({ file: scope.file.path, line: lineOf(call), reason: `Tool objects built in a loop: the names are known only at run time (${nameNode.text})` });
      continue;
    }
    out.tools.push(...objectDrafts(call, args, nameNode, scope, sdk));
  }
}

function objectDrafts(call: Node, args: CallArguments, nameNode: Node, scope: ModuleScope, sdk: string): ToolDraft[] {
  const schemaNode = args.keywords.get('inputSchema') ?? args.keywords.get('input_schema');
  return toolDrafts({
    nameNode,
    functionName: null,
    descriptionNode: args.keywords.get('description') ?? null,
    titleNode: args.keywords.get('title') ?? null,
    annotationsNode: args.keywords.get('annotations') ?? null,
    fn: null,
    inputSchema: schemaNode ? schemaOfExpression(schemaNode, scope) : null,
    line: lineOf(args.keywordNodes.get('name') ?? call),
    conditions: conditionsOf(call, scope),
    sdk,
    style: 'Server.list_tools',
    formConfidence: 1,
  }, scope);
}

const LOOPS = ['for_statement', 'list_comprehension', 'generator_expression', 'set_comprehension'];

/**
 * `[Tool(name=f"greet_{v}") for v in ("a", "b")]`, `for i in range(1, 4): Tool(name=f"t{i}")`:
 * one scope per written value of the loop variable the name uses. Null when not such a loop.
 */
function unrollLoop(nameNode: Node, scope: ModuleScope): ModuleScope[] | null {
  for (let owner = enclosing(nameNode, LOOPS); owner; owner = enclosing(owner, LOOPS)) {
    const clauses = owner.type === 'for_statement' ? [owner] : namedChildren(owner).filter((child) => child.type === 'for_in_clause');
    for (const clause of clauses) {
      const variable = clause.childForFieldName('left');
      const iterable = clause.childForFieldName('right');
      if (variable?.type !== 'identifier' || !iterable) continue;
      const uses = [nameNode, ...nameNode.descendantsOfType('identifier')].some((id) => id?.type === 'identifier' && id.text === variable.text);
      if (!uses) continue;
      const values = loopValues(iterable, scope);
      return values ? values.map((value) => ({ ...scope, loopValue: { loop: owner!, name: variable.text, value } })) : null;
    }
  }
  return null;
}
