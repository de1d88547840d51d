import type { DynamicDraft, ToolDraft } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import type { JavaEvaluator } from './evaluate.ts';
import { toolAnnotations, type DeclaredAnnotations } from './hints.ts';
import { resolveType, type Imports } from './imports.ts';
import { conditionsOf } from './conditions.ts';
import { jsonSchema } from './json-values.ts';
import { declarationsAround, descendantsOfType, line, namedChildren } from './syntax.ts';

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

/** Names a helper method's parameters stand for at one of its call sites. */
type Bindings = ReadonlyMap<string, Node>;

/**
 * Tools of the MCP Java SDK: `new McpSchema.Tool(...)` and `Tool.builder()...build()` chains. A helper
 * method that builds its tool from its parameters (`tool(name, description, ...)`) is expanded at its
 * call sites in the same file instead.
 */
export function sdkTools(input: SdkInput): { tools: ToolDraft[]; dynamic: DynamicDraft[] } {
  const tools: ToolDraft[] = [];
  const dynamic: DynamicDraft[] = [];
  const helpers = new Map<string, { method: Node; found: Found[] }>();
  for (const found of toolsWritten(input)) {
    const helper = helperOf(found.parts);
    if (!helper) {
      if (isGenerated(found.parts, input.evaluator)) {
        dynamic.push({ file: input.path, line: line(found.at), reason: `tools built at run time, named by ${found.parts.name?.text} (${found.style} in a loop or lambda)` });
      } else {
        tools.push(draft(found.parts, found.at, found.style, input));
      }
      continue;
    }
    const name = helper.childForFieldName('name')?.text ?? '';
    const entry = helpers.get(name) ?? { method: helper, found: [] };
    entry.found.push(found);
    helpers.set(name, entry);
  }
  if (helpers.size === 0) return { tools, dynamic };
  for (const site of descendantsOfType(input.root, ['method_invocation'])) {
    const helper = helpers.get(site.childForFieldName('name')?.text ?? '');
    const object = site.childForFieldName('object')?.text;
    if (!helper || (object && object !== 'this') || isInside(site, helper.method)) continue;
    const bindings = bind(helper.method, site);
    if (!bindings) continue;
    for (const found of helper.found) {
      const parts = substitute(found.parts, bindings);
      if (helperOf(parts)) continue;
      const name = site.childForFieldName('name')?.text;
      tools.push(draft(parts, site, `${found.style} via ${name}`, input, bindings));
    }
  }
  return { tools, dynamic };
}

/**
 * A tool whose name is a variable computed inside a loop or lambda (a framework turning annotated
 * methods into tools by reflection): one declaration, many tools, none of them known here.
 */
function isGenerated(parts: Parts, evaluator: JavaEvaluator): boolean {
  const name = parts.name;
  if (name?.type !== 'identifier' || evaluator.evaluate(name)?.complete) return false;
  for (let current = name.parent; current; current = current.parent) {
    if (['lambda_expression', 'enhanced_for_statement', 'for_statement', 'while_statement'].includes(current.type)) return true;
    if (current.type === 'method_declaration') return false;
  }
  return false;
}

interface Found {
  parts: Parts;
  at: Node;
  style: string;
}

function toolsWritten(input: SdkInput): Found[] {
  const found: Found[] = [];
  for (const creation of descendantsOfType(input.root, ['object_creation_expression'])) {
    if (!isSdkClass(creation.childForFieldName('type')?.text, 'Tool', input.imports)) continue;
    found.push({ parts: constructorParts(argumentsOf(creation)), at: creation, style: 'new McpSchema.Tool' });
  }
  for (const call of descendantsOfType(input.root, ['method_invocation'])) {
    if (call.childForFieldName('name')?.text !== 'builder') continue;
    if (!isSdkClass(call.childForFieldName('object')?.text, 'Tool', input.imports)) continue;
    found.push({ parts: builderParts(call), at: call, style: 'Tool.builder' });
  }
  return found.sort((a, b) => a.at.startIndex - b.at.startIndex);
}

/** The method whose parameter gives the tool its name or description, or null. */
function helperOf(parts: Parts): Node | null {
  for (const node of [parts.name, parts.description]) {
    if (node?.type !== 'identifier') continue;
    for (let current = node.parent; current; current = current.parent) {
      if (current.type === 'lambda_expression') break;
      if (current.type !== 'method_declaration' && current.type !== 'constructor_declaration') continue;
      if (parameterNames(current).includes(node.text)) return current;
      break;
    }
  }
  return null;
}

function parameterNames(method: Node): string[] {
  const list = method.childForFieldName('parameters');
  return (list ? namedChildren(list) : [])
    .filter((parameter) => parameter.type === 'formal_parameter' || parameter.type === 'spread_parameter')
    .map((parameter) => parameter.childForFieldName('name')?.text ?? descendantsOfType(parameter, ['identifier']).pop()?.text ?? '');
}

function bind(method: Node, site: Node): Bindings | null {
  const names = parameterNames(method);
  const args = argumentsOf(site);
  if (args.length !== names.length) return null;
  return new Map(names.map((name, index) => [name, args[index]]));
}

function substitute(parts: Parts, bindings: Bindings): Parts {
  const bound = (node: Node | undefined) => (node?.type === 'identifier' ? bindings.get(node.text) ?? node : node);
  return {
    name: bound(parts.name),
    title: bound(parts.title),
    description: bound(parts.description),
    schema: bound(parts.schema),
    annotations: bound(parts.annotations),
  };
}

function isInside(node: Node, container: Node): boolean {
  return node.startIndex >= container.startIndex && node.endIndex <= container.endIndex;
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

function draft(parts: Parts, at: Node, style: string, input: SdkInput, bindings?: Bindings): ToolDraft {
  const { evaluator } = input;
  const name = evaluator.evaluate(parts.name);
  const description = evaluator.evaluate(parts.description);
  const declared = declaredAnnotations(parts.annotations, input);
  const { annotations, annotationsOrigin } = toolAnnotations(declared, false);
  const schema = jsonSchema(parts.schema, evaluator, bindings);
  const tool: ToolDraft = {
    name: name?.text ?? parts.name?.text ?? '<unnamed>',
    nameResolved: name?.complete ?? false,
    title: evaluator.evaluate(parts.title)?.text ?? declared?.title ?? null,
    description: description?.text ?? parts.description?.text ?? null,
    descriptionResolved: !parts.description ? 'none' : !description ? 'none' : description.complete ? 'full' : 'partial',
    inputSchema: schema,
    annotations,
    annotationsOrigin,
    file: input.path,
    line: line(at),
    sdk: 'java-mcp-sdk',
    style,
    conditions: conditionsOf(declarationsAround(at), evaluator),
    confidence: name?.complete ? 1 : 0.6,
    handler: null,
  };
  if (parts.name && !name?.complete) tool.nameExpr = parts.name.text;
  if (parts.description && !description?.complete) tool.descriptionExpr = parts.description.text;
  if (schema) tool.inputSchemaSource = 'json-literal';
  return tool;
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
