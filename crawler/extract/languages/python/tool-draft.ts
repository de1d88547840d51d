import type { Condition } from '../../../model/index.ts';
import type { ToolDraft } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { readAnnotations } from './annotations.ts';
import { asText, evaluate } from './evaluate.ts';
import { isLoopVariable } from './functions.ts';
import type { ModuleScope } from './module-scope.ts';
import type { FunctionFacts } from './function-facts.ts';
import { enclosing, unwrap } from './nodes.ts';
import type { JsonSchema } from './type-schema.ts';
import { callSite, callSiteConditions, dependsOnBinding, enclosingFunction, outermost, parameterOf } from './wrappers.ts';

/** The pieces of one registration, as nodes, before evaluation. */
export interface Registration {
  /** The expression naming the tool, or null when the name is the function's. */
  nameNode: Node | null;
  /** The function expression the name derives from when `nameNode` is null (`add_tool(fn)`). */
  reference?: Node | null;
  /** The server the tool is registered on (`mcp` of `@mcp.tool()`), for mounts and removals. */
  receiver?: Node | null;
  /** The module-level variable or def holding the tool object, for conditions set elsewhere. */
  objectName?: string | null;
  /** `tags={...}` (fastmcp), matched against `disable(tags=...)`. */
  tagsNode?: Node | null;
  functionName: string | null;
  descriptionNode: Node | null;
  titleNode: Node | null;
  annotationsNode: Node | null;
  /** The tool function, for its docstring, schema and span. */
  fn: FunctionFacts | null;
  /** The schema when no function gives it (`inputSchema=` of a Tool object). */
  inputSchema: JsonSchema | null;
  line: number;
  conditions: Condition[];
  sdk: string;
  style: string;
  /** Below 1 when the form itself is doubtful (bare decorator on the official SDK...). */
  formConfidence: number;
}

interface ResolvedName {
  name: string;
  resolved: boolean;
  confidence: number;
  /** The source text when the name was not fully resolved. */
  expr?: string;
  /** Only a run-time prefix is unknown: the literal rest names the tool. */
  prefixed?: boolean;
}

/**
 * `f"{prefix}read_cypher"`, `namespace + "read_cypher"`: a run-time namespace in front of a
 * literal. The literal is what users see with the default, empty prefix; a separator after the
 * placeholder (`{service}_list`) says the prefix is part of the name, so that stays unresolved.
 */
const UNKNOWN_PREFIX = /^\{[^{}]+\}([A-Za-z][\w.-]*)$/;

/** Confidence by how the name was found (research §11.1 step 9). */
function resolveName(registration: Registration, scope: ModuleScope): ResolvedName | null {
  const node = registration.nameNode;
  if (!node) return registration.functionName ? { name: registration.functionName, resolved: true, confidence: 1 } : null;
  const literal = ['string', 'concatenated_string'].includes(unwrap(node).type);
  const text = asText(evaluate(node, scope));
  if (text?.complete && text.text !== '') return { name: text.text, resolved: true, confidence: literal ? 1 : 0.95 };
  const tail = text ? UNKNOWN_PREFIX.exec(text.text)?.[1] : undefined;
  if (tail) return { name: tail, resolved: false, confidence: 0.8, expr: node.text, prefixed: true };
  if (text) return { name: text.text, resolved: false, confidence: 0.5, expr: node.text };
  return { name: node.text, resolved: false, confidence: 0.4, expr: node.text };
}

type Description = Pick<ToolDraft, 'description' | 'descriptionResolved' | 'descriptionExpr'>;

function resolveDescription(registration: Registration, scope: ModuleScope): Description {
  const node = registration.descriptionNode;
  if (node) {
    const text = asText(evaluate(node, scope));
    if (!text) return { description: null, descriptionResolved: 'none', descriptionExpr: node.text };
    if (!text.complete) return { description: text.text, descriptionResolved: 'partial', descriptionExpr: node.text };
    return { description: text.text, descriptionResolved: 'full' };
  }
  const doc = registration.fn?.docstring;
  if (!doc) return { description: null, descriptionResolved: 'none' };
  return { description: doc.text, descriptionResolved: doc.complete ? 'full' : 'partial' };
}

/** Confidence of a tool found by reading a wrapper at its call site (research §11.1 step 9). */
const WRAPPER_CONFIDENCE = 0.8;

/**
 * Evaluates a registration into a tool; null when it has no name expression at all, or when
 * its name comes from a parameter of the function it sits in: that function is a wrapper, and
 * its call sites name the tools (see wrappers.ts).
 */
export function toolDraft(registration: Registration, scope: ModuleScope): ToolDraft | null {
  const name = resolveName(registration, scope);
  if (!name) return null;
  const origin = registration.nameNode ?? registration.reference ?? null;
  // A call site adds a tool only where its arguments name it; the rest was read in the wrapper's own file.
  if (scope.parameters && (!origin || !dependsOnBinding(origin, scope) || name.prefixed)) return null;
  // Still a parameter at the outermost call site: that caller is a wrapper too, named by its own callers.
  const outer = origin ? outermost(origin, scope) : null;
  // An unknown name passed to a helper from inside a loop: one tool per item of a run-time list.
  if (scope.parameters && !name.resolved && outer && (isLoopVariable(outer.node) || enclosing(outer.node, ['for_statement', 'while_statement'], ['function_definition']))) {
    outer.scope.generated.push(outer.node);
    return null;
  }
  if (!name.resolved && !name.prefixed && outer && parameterOf(outer.node, outer.scope)) {
    const wrapper = enclosingFunction(outer.node);
    if (wrapper) {
      outer.scope.wrappers.push(wrapper);
      return null;
    }
  }
  const site = scope.parameters && origin ? callSite(origin, scope) : { file: scope.file.path, line: registration.line };
  const conditions = [...callSiteConditions(scope), ...registration.conditions];
  const confidence = name.confidence * registration.formConfidence * (scope.parameters ? WRAPPER_CONFIDENCE : 1);
  const title = registration.titleNode ? asText(evaluate(registration.titleNode, scope))?.text ?? null : null;
  const declared = readAnnotations(registration.annotationsNode ?? undefined, scope);
  return {
    name: name.name,
    nameResolved: name.resolved,
    title,
    ...resolveDescription(registration, scope),
    inputSchema: registration.fn?.inputSchema ?? registration.inputSchema,
    annotations: declared.annotations,
    annotationsOrigin: declared.origin,
    file: site.file,
    line: site.line,
    sdk: registration.sdk,
    style: registration.style,
    conditions,
    confidence: Math.round(confidence * 100) / 100,
    handler: registration.fn?.handler ?? null,
    ...(name.expr === undefined ? {} : { nameExpr: name.expr }),
  };
}
