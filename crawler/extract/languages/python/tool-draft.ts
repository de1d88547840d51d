import type { Condition } from '../../../model/index.ts';
import type { ToolDraft } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { readAnnotations } from './annotations.ts';
import { asText, evaluate } from './evaluate.ts';
import type { ModuleScope } from './module-scope.ts';
import type { FunctionFacts } from './function-facts.ts';
import { unwrap } from './nodes.ts';
import type { JsonSchema } from './type-schema.ts';

/** The pieces of one registration, as nodes, before evaluation. */
export interface Registration {
  /** The expression naming the tool, or null when the name is the function's. */
  nameNode: Node | null;
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
}

/** Confidence by how the name was found (research §11.1 step 9). */
function resolveName(registration: Registration, scope: ModuleScope): ResolvedName | null {
  const node = registration.nameNode;
  if (!node) return registration.functionName ? { name: registration.functionName, resolved: true, confidence: 1 } : null;
  const literal = ['string', 'concatenated_string'].includes(unwrap(node).type);
  const text = asText(evaluate(node, scope));
  if (text?.complete && text.text !== '') return { name: text.text, resolved: true, confidence: literal ? 1 : 0.95 };
  if (text) return { name: text.text, resolved: false, confidence: 0.5 };
  return { name: node.text, resolved: false, confidence: 0.4 };
}

function resolveDescription(registration: Registration, scope: ModuleScope): Pick<ToolDraft, 'description' | 'descriptionResolved'> {
  if (registration.descriptionNode) {
    const text = asText(evaluate(registration.descriptionNode, scope));
    if (!text) return { description: null, descriptionResolved: 'none' };
    return { description: text.text, descriptionResolved: text.complete ? 'full' : 'partial' };
  }
  const doc = registration.fn?.docstring;
  if (!doc) return { description: null, descriptionResolved: 'none' };
  return { description: doc.text, descriptionResolved: doc.complete ? 'full' : 'partial' };
}

/** Evaluates a registration into a tool; null only when it has no name expression at all. */
export function toolDraft(registration: Registration, scope: ModuleScope): ToolDraft | null {
  const name = resolveName(registration, scope);
  if (!name) return null;
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
    file: scope.file.path,
    line: registration.line,
    sdk: registration.sdk,
    style: registration.style,
    conditions: registration.conditions,
    confidence: Math.round(name.confidence * registration.formConfidence * 100) / 100,
    handler: registration.fn?.handler ?? null,
  };
}
