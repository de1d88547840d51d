import type { ExtractContext, ToolDraft } from '../../extractor.ts';
import type { Hint, HintOrigin } from '../../../model/index.ts';
import { HINTS } from '../../../model/index.ts';
import type { Node } from '../../parser.ts';
import { deriveToolName } from './derive-name.ts';
import { xmlSummary } from './doc-comment.ts';
import type { CsharpEvaluator } from './evaluate.ts';
import { methodSchema } from './schema.ts';
import { registeredServices } from './services.ts';
import { attributeArguments, attributesOf, descendantsOfType, enclosingType, line, namedChildren, type Attribute } from './syntax.ts';

/** `[McpServerTool(ReadOnly = true)]` property → MCP hint. The SDK keeps nullable fields: only assigned ones count. */
export const HINT_PROPERTIES: Record<string, Hint> = {
  ReadOnly: 'readOnlyHint',
  Destructive: 'destructiveHint',
  Idempotent: 'idempotentHint',
  OpenWorld: 'openWorldHint',
};
/** Return types of async methods, whose `Async` suffix the SDK drops from the derived name. */
export const ASYNC_RETURN = /^(?:[\w.]+\.)?(?:Task|ValueTask|IAsyncEnumerable)(?:<|$)/;

interface Input {
  path: string;
  root: Node;
  evaluator: CsharpEvaluator;
  context: ExtractContext;
}

/** Methods marked `[McpServerTool]`, normally in a `[McpServerToolType]` class. */
export function attributedTools(input: Input): ToolDraft[] {
  const tools: ToolDraft[] = [];
  for (const method of descendantsOfType(input.root, ['method_declaration'])) {
    const attributes = attributesOf(method);
    const marker = attributes.find((attribute) => attribute.name === 'McpServerTool' && attribute.target === null);
    if (marker) tools.push(toolOf(method, marker, attributes, input));
  }
  return tools;
}

function toolOf(method: Node, marker: Attribute, attributes: Attribute[], input: Input): ToolDraft {
  const { evaluator } = input;
  const { named } = attributeArguments(marker.node);
  const methodName = method.childForFieldName('name')?.text ?? '';
  const returns = method.childForFieldName('returns') ?? method.childForFieldName('type');
  const nameNode = named.get('Name');
  const name = evaluator.evaluate(nameNode);
  const title = evaluator.evaluate(named.get('Title'))?.text ?? null;
  const description = describe(method, attributes, named.get('UseStructuredContent')?.text === 'true', evaluator);
  const annotations: Record<string, unknown> = {};
  const annotationsOrigin: Record<string, HintOrigin> = Object.fromEntries(HINTS.map((hint) => [hint, 'absent' as HintOrigin]));
  if (title) annotations.title = title;
  for (const [property, hint] of Object.entries(HINT_PROPERTIES)) {
    const value = evaluator.evaluate(named.get(property))?.text;
    if (value !== 'true' && value !== 'false') continue;
    annotations[hint] = value === 'true';
    annotationsOrigin[hint] = 'explicit';
  }
  const inToolType = attributesOf(enclosingType(method) ?? method).some((attribute) => attribute.name === 'McpServerToolType');
  const nameResolved = !nameNode || (name?.complete ?? false);
  return {
    name: nameNode ? name?.text ?? nameNode.text : deriveToolName(methodName, ASYNC_RETURN.test(returns?.text ?? '')),
    nameResolved,
    title,
    description: description.text,
    descriptionResolved: description.resolved,
    inputSchema: methodSchema(method, evaluator, registeredServices(input.context.tree)),
    annotations: Object.keys(annotations).length ? annotations : null,
    annotationsOrigin,
    file: input.path,
    line: line(marker.node),
    sdk: 'csharp-mcp-sdk',
    style: '[McpServerTool]',
    conditions: [],
    confidence: !nameResolved ? 0.7 : inToolType ? 1 : 0.9,
    handler: { file: input.path, startLine: line(method), endLine: method.endPosition.row + 1 },
  };
}

/**
 * `[Description]` on the method (its own brackets or shared), else the XML `<summary>` of a partial
 * method; a `[return: Description]` is appended as `Returns: ...` unless the tool returns structured content.
 */
function describe(
  method: Node,
  attributes: Attribute[],
  structured: boolean,
  evaluator: CsharpEvaluator,
): { text: string | null; resolved: ToolDraft['descriptionResolved'] } {
  const own = attributes.find((attribute) => attribute.name === 'Description' && (attribute.target === null || attribute.target === 'method'));
  const returned = attributes.find((attribute) => attribute.name === 'Description' && attribute.target === 'return');
  const ownNode = own ? attributeArguments(own.node).positional[0] : undefined;
  const value = evaluator.evaluate(ownNode);
  const isPartial = namedChildren(method).some((child) => child.type === 'modifier' && child.text === 'partial');
  let text: string | null = value?.text ?? ownNode?.text ?? (isPartial ? xmlSummary(method) : null);
  let resolved: ToolDraft['descriptionResolved'] = text === null ? 'none' : !ownNode || value?.complete ? 'full' : value ? 'partial' : 'none';
  const returns = returned && !structured ? evaluator.evaluate(attributeArguments(returned.node).positional[0]) : null;
  if (returns?.text) {
    text = text ? `${text}\nReturns: ${returns.text}` : `Returns: ${returns.text}`;
    if (resolved === 'none') resolved = 'partial';
  }
  return { text, resolved };
}
