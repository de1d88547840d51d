import type { Condition } from '../../../model/tool.ts';
import type { ExtractContext } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { anySource, callSitesOf, enclosingFunction } from './call-sites.ts';
import { evaluateString } from './evaluate.ts';
import type { GoPackage } from './package-index.ts';
import { keyedFields, unwrapExpression, type GoSyntax } from './syntax.ts';

/** Grouping calls that make a tool depend on read-only mode: razorpay's `AddReadTools` / `AddWriteTools`. */
const READ_WRITE_GROUP = /(Read|Write)(Only)?Tools?$/;

/**
 * Conditions from how the function that returns a tool is grouped where it is called:
 * `toolsets.NewToolset("payments", ...).AddWriteTools(CapturePayment(...))` registers the tool only
 * when the toolset is enabled, and (write tools) only outside read-only mode.
 */
export function groupConditions(node: Node, filePath: string, context: ExtractContext): Condition[] {
  const fn = enclosingFunction(node);
  const name = fn?.type === 'function_declaration' ? fn.childForFieldName('name')?.text : undefined;
  if (!name) return [];
  return groupConditionsOf(dirOf(filePath), name, context);
}

const gates = new WeakMap<ExtractContext, boolean>();

export function groupConditionsOf(dir: string, functionName: string, context: ExtractContext): Condition[] {
  // Most repositories group nothing this way: one look at the sources spares a search per tool.
  let grouped = gates.get(context);
  if (grouped === undefined) gates.set(context, (grouped = anySource(/(Read|Write)(Only)?Tools?\(/, context)));
  if (!grouped) return [];
  const conditions: Condition[] = [];
  for (const site of callSitesOf(dir, functionName, context)) {
    const outer = site.outerCall;
    if (!outer || !READ_WRITE_GROUP.test(outer.callee)) continue;
    const toolset = /NewToolset\(\s*"([^"]+)"/.exec(outer.text)?.[1] ?? outer.text.split(/[.(]/)[0];
    if (toolset) conditions.push({ kind: 'feature-toggle', expr: `toolset ${toolset}` });
    if (/Write/.test(outer.callee)) conditions.push({ kind: 'feature-toggle', expr: `not read-only mode (${outer.callee})` });
  }
  return unique(conditions);
}

/**
 * A toolset passed to the project's registration wrapper, github-mcp-server style:
 * `NewTool(ToolsetMetadataIssues, mcp.Tool{...}, ...)` where `ToolsetMetadataIssues = ToolsetMetadata{ID: "issues"}`.
 */
export function toolsetArgument(args: GoSyntax[], pkg: GoPackage): Condition | null {
  for (const arg of args) {
    const expr = unwrapExpression(arg);
    if ((expr.type !== 'identifier' && expr.type !== 'selector_expression') || !/toolset/i.test(expr.text)) continue;
    const value = pkg.constants.get(expr.text);
    const literal = value ? unwrapExpression(value) : null;
    const id = literal?.type === 'composite_literal' ? (keyedFields(literal).get('ID') ?? keyedFields(literal).get('Name')) : undefined;
    const resolved = id ? evaluateString(id, pkg) : null;
    return { kind: 'feature-toggle', expr: `toolset ${resolved?.complete ? resolved.text : expr.text}` };
  }
  return null;
}

function unique(conditions: Condition[]): Condition[] {
  const seen = new Set<string>();
  return conditions.filter((c) => !seen.has(`${c.kind}\u0000${c.expr}`) && seen.add(`${c.kind}\u0000${c.expr}`));
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
