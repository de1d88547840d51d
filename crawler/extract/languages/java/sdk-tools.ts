import type { ToolDraft } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import type { JavaEvaluator } from './evaluate.ts';
import { toolAnnotations, type DeclaredAnnotations } from './hints.ts';
import { resolveType, type Imports } from './imports.ts';
import { descendantsOfType, line, namedChildren } from './syntax.ts';

const SDK_PACKAGES = ['io.modelcontextprotocol.spec.McpSchema', 'io.modelcontextprotocol.spec'];
const HINT_ORDER = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const;

interface SdkInput {
  path: string;
  root: Node;
  imports: Imports;
  evaluator: JavaEvaluator;
}

/** Parts of a tool read from the MCP Java SDK's constructor or builder. */
interface Parts {
  name?: Node;
  title?: Node;
  description?: Node;
  schema?: Node;
  annotations?: Node;
}

/** Tools of the MCP Java SDK: `new McpSchema.Tool(...)` and `Tool.builder()...build()` chains. */
export function sdkTools(input: SdkInput): ToolDraft[] {
  const tools: ToolDraft[] = [];
  for (const creation of descendantsOfType(input.root, ['object_creation_expression'])) {
    if (!isSdkClass(creation.childForFieldName('type')?.text, 'Tool', input.imports)) continue;
    tools.push(draft(constructorParts(argumentsOf(creation)), creation, input));
  }
  for (const call of descendantsOfType(input.root, ['method_invocation'])) {
    if (call.childForFieldName('name')?.text !== 'builder') continue;
    if (!isSdkClass(call.childForFieldName('object')?.text, 'Tool', input.imports)) continue;
    tools.push(draft(builderParts(call), call, input));
  }
  return tools;
}

function isSdkClass(written: string | undefined, name: string, imports: Imports): boolean {
  if (!written) return false;
  const qualified = resolveType(imports, written.replace(/<.*$/, ''), SDK_PACKAGES);
  return qualified === `io.modelcontextprotocol.spec.McpSchema.${name}`;
}

function argumentsOf(node: Node): Node[] {
  const list = node.childForFieldName('arguments');
  return list ? namedChildren(list).filter((arg) => arg.type !== 'comment') : [];
}

/** The constructors: (name, description, schema), (name, description, schema, annotations), and the 7-field record. */
function constructorParts(args: Node[]): Parts {
  if (args.length >= 7) return { name: args[0], title: args[1], description: args[2], schema: args[3], annotations: args[5] };
  return { name: args[0], description: args[1], schema: args[2], annotations: args[3] };
}

/** `Tool.builder()` (1.x) or `Tool.builder(name, schema)` (2.0), then `.name()`, `.description()`... up the chain. */
function builderParts(builder: Node): Parts {
  const initial = argumentsOf(builder);
  const parts: Parts = { name: initial[0], schema: initial[initial.length - 1] === initial[0] ? undefined : initial[initial.length - 1] };
  for (let call = builder.parent; call?.type === 'method_invocation'; call = call.parent) {
    const args = argumentsOf(call);
    switch (call.childForFieldName('name')?.text) {
      case 'name': parts.name = args[0]; break;
      case 'title': parts.title = args[0]; break;
      case 'description': parts.description = args[0]; break;
      case 'inputSchema': parts.schema = args[args.length - 1]; break;
      case 'annotations': parts.annotations = args[0]; break;
    }
  }
  return parts;
}

function draft(parts: Parts, at: Node, input: SdkInput): ToolDraft {
  const { evaluator } = input;
  const name = evaluator.evaluate(parts.name);
  const description = evaluator.evaluate(parts.description);
  const declared = declaredAnnotations(parts.annotations, input);
  const { annotations, annotationsOrigin } = toolAnnotations(declared, false);
  return {
    name: name?.text ?? parts.name?.text ?? '<unnamed>',
    nameResolved: name?.complete ?? false,
    title: evaluator.evaluate(parts.title)?.text ?? declared?.title ?? null,
    description: description?.text ?? parts.description?.text ?? null,
    descriptionResolved: !parts.description ? 'none' : !description ? 'none' : description.complete ? 'full' : 'partial',
    inputSchema: jsonSchema(parts.schema, evaluator),
    annotations,
    annotationsOrigin,
    file: input.path,
    line: line(at),
    sdk: 'java-mcp-sdk',
    style: at.type === 'object_creation_expression' ? 'new McpSchema.Tool' : 'Tool.builder',
    conditions: [],
    confidence: name?.complete ? 1 : 0.6,
    handler: null,
  };
}

/** A JSON schema written as a string or text block. */
function jsonSchema(node: Node | undefined, evaluator: JavaEvaluator): Record<string, unknown> | null {
  const value = evaluator.evaluate(node);
  if (!value?.complete) return null;
  try {
    const parsed: unknown = JSON.parse(value.text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** `new McpSchema.ToolAnnotations(title, readOnly, destructive, idempotent, openWorld, returnDirect)`; `null` leaves a hint unset. */
function declaredAnnotations(node: Node | undefined, input: SdkInput): DeclaredAnnotations | null {
  if (node?.type !== 'object_creation_expression') return null;
  if (!isSdkClass(node.childForFieldName('type')?.text, 'ToolAnnotations', input.imports)) return null;
  const args = argumentsOf(node);
  const declared: DeclaredAnnotations = { hints: {} };
  const title = input.evaluator.evaluate(args[0]);
  if (title?.text) declared.title = title.text;
  HINT_ORDER.forEach((hint, index) => {
    const value = args[index + 1];
    if (value?.type === 'true' || value?.type === 'false') declared.hints[hint] = value.type === 'true';
  });
  return declared;
}
