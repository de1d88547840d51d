import type { DynamicDraft, ExtractContext, ToolDraft } from '../../extractor.ts';
import type { Hint, HintOrigin } from '../../../model/index.ts';
import { HINTS } from '../../../model/index.ts';
import type { Node } from '../../parser.ts';
import { deriveToolName } from './derive-name.ts';
import { csharpEvaluator, type CsharpEvaluator } from './evaluate.ts';
import { methodSchema } from './schema.ts';
import { registeredServices } from './services.ts';
import { attributeArguments, attributesOf, descendantsOfType, line, namedChildren, TYPE_DECLARATIONS } from './syntax.ts';
import { ASYNC_RETURN, HINT_PROPERTIES } from './tools.ts';


interface Input {
  path: string;
  root: Node;
  evaluator: CsharpEvaluator;
  context: ExtractContext;
}

/** What the delegate of `McpServerTool.Create` is: a lambda, a method of the repository, or unknown. */
interface Delegate {
  /** The lambda or method declaration, when it is in this file. */
  node: Node | null;
  methodName: string | null;
  /** Facts read from a method of another file (its tree is freed by then). */
  elsewhere?: { name: string; description: string | null; schema: Record<string, unknown>; attributed: boolean; isAsync: boolean };
}

/**
 * Tools made with `McpServerTool.Create(delegate, new McpServerToolCreateOptions { Name, Description, ... })`.
 * A method that also carries `[McpServerTool]` is left to the attribute reader (one tool, not two).
 */
export function createdTools(input: Input): { tools: ToolDraft[]; dynamic: DynamicDraft[] } {
  const tools: ToolDraft[] = [];
  const dynamic: DynamicDraft[] = [];
  for (const call of descendantsOfType(input.root, ['invocation_expression'])) {
    const callee = call.childForFieldName('function');
    if (callee?.type !== 'member_access_expression' || callee.childForFieldName('name')?.text !== 'Create') continue;
    if (!/(^|\.)McpServerTool$/.test(callee.childForFieldName('expression')?.text ?? '')) continue;
    const args = argumentsOf(call);
    const delegateArg = args.find((arg) => !arg.name || arg.name === 'method')?.value;
    const options = optionsOf(args.find((arg) => arg.name === 'options')?.value ?? args.map((arg) => arg.value).find(isOptions) ?? null);
    const target = delegateArg ? delegateOf(delegateArg, input) : null;
    if (!target) {
      if (delegateArg && isPlumbing(delegateArg)) continue;
      dynamic.push({ file: input.path, line: line(call), reason: `McpServerTool.Create over a delegate not written here (${delegateArg?.text.slice(0, 80) ?? '?'})` });
      continue;
    }
    const attributed = target.elsewhere?.attributed ?? (target.node ? attributesOf(target.node).some((a) => a.name === 'McpServerTool') : false);
    if (attributed && !options.has('Name')) continue;
    tools.push(draft(call, target, options, input));
  }
  return { tools, dynamic };
}

/**
 * A delegate that is a parameter of the method around it (a helper: its callers hold the tools), or
 * comes from reflecting over `[McpServerTool]` methods, which the attribute reader already lists.
 */
function isPlumbing(delegate: Node): boolean {
  if (delegate.type !== 'identifier') return false;
  for (let current = delegate.parent; current; current = current.parent) {
    if (current.type !== 'method_declaration' && current.type !== 'local_function_statement' && current.type !== 'constructor_declaration') continue;
    const parameters = current.childForFieldName('parameters');
    const names = parameters ? namedChildren(parameters).map((parameter) => parameter.childForFieldName('name')?.text) : [];
    return names.includes(delegate.text) || current.text.includes('McpServerToolAttribute');
  }
  return false;
}

interface Argument {
  name: string | null;
  value: Node;
}

function argumentsOf(call: Node): Argument[] {
  const list = call.childForFieldName('arguments') ?? namedChildren(call).find((child) => child.type === 'argument_list');
  return (list ? namedChildren(list) : [])
    .filter((arg) => arg.type === 'argument')
    .map((arg) => {
      const parts = namedChildren(arg);
      const named = parts.length > 1 && parts[0].type === 'identifier' && arg.children.some((child) => child?.type === ':');
      return { name: named ? parts[0].text : null, value: parts[parts.length - 1] };
    })
    .filter((arg) => arg.value);
}

function isOptions(node: Node): boolean {
  if (node.type === 'implicit_object_creation_expression') return true;
  return node.type === 'object_creation_expression' && /McpServerToolCreateOptions$/.test(node.childForFieldName('type')?.text ?? '');
}

/** `Name = value` pairs of the options' object initializer. */
function optionsOf(node: Node | null): Map<string, Node> {
  const options = new Map<string, Node>();
  const initializer = node && isOptions(node) ? namedChildren(node).find((child) => child.type === 'initializer_expression') : undefined;
  for (const assignment of initializer ? namedChildren(initializer) : []) {
    if (assignment.type !== 'assignment_expression') continue;
    const key = assignment.childForFieldName('left')?.text;
    const value = assignment.childForFieldName('right');
    if (key && value) options.set(key, value);
  }
  return options;
}

/** A lambda, a method group (`Tools.Echo`), or `typeof(Tools).GetMethod(nameof(Tools.Echo))`. */
function delegateOf(node: Node, input: Input): Delegate | null {
  let value = node;
  while (value.type === 'postfix_unary_expression' || value.type === 'parenthesized_expression' || value.type === 'cast_expression') {
    const inner = namedChildren(value).filter((child) => child.type !== 'attribute_list').pop();
    if (!inner || inner === value) break;
    value = inner;
  }
  if (value.type === 'lambda_expression' || value.type === 'anonymous_method_expression') return { node: value, methodName: null };
  let owner: string | null = null;
  let method: string | null = null;
  if (value.type === 'invocation_expression') {
    const fn = value.childForFieldName('function');
    if (fn?.type !== 'member_access_expression' || fn.childForFieldName('name')?.text !== 'GetMethod') return null;
    const typeOf = fn.childForFieldName('expression');
    if (typeOf?.type !== 'typeof_expression') return null;
    owner = namedChildren(typeOf)[0]?.text ?? null;
    const nameArg = argumentsOf(value)[0]?.value;
    method = nameArg ? input.evaluator.evaluate(nameArg)?.text ?? null : null;
  } else if (value.type === 'member_access_expression') {
    owner = value.childForFieldName('expression')?.text ?? null;
    method = value.childForFieldName('name')?.text ?? null;
  } else if (value.type === 'identifier') {
    method = value.text;
  }
  if (!method) return null;
  const simpleOwner = owner ? owner.slice(owner.lastIndexOf('.') + 1) : null;
  const here = findMethod(input.root, simpleOwner, method);
  if (here) return { node: here, methodName: method };
  if (!simpleOwner) return null;
  return methodElsewhere(simpleOwner, method, input);
}

function findMethod(root: Node, owner: string | null, name: string): Node | null {
  const types = descendantsOfType(root, TYPE_DECLARATIONS).filter((type) => !owner || type.childForFieldName('name')?.text === owner);
  for (const type of types) {
    const method = descendantsOfType(type, ['method_declaration']).find((candidate) => candidate.childForFieldName('name')?.text === name);
    if (method) return method;
  }
  return null;
}

function methodElsewhere(owner: string, name: string, input: Input): Delegate | null {
  const path = input.context.tree.paths().find((candidate) => candidate === `${owner}.cs` || candidate.endsWith(`/${owner}.cs`));
  if (!path || path === input.path) return null;
  return input.context.parseFile(path, (root) => {
    const method = findMethod(root, owner, name);
    if (!method) return null;
    const evaluator = csharpEvaluator(path, root, input.context, 1);
    return {
      node: null,
      methodName: name,
      elsewhere: {
        name,
        description: describe(method, evaluator),
        schema: methodSchema(method, evaluator, registeredServices(input.context.tree)),
        attributed: attributesOf(method).some((attribute) => attribute.name === 'McpServerTool'),
        isAsync: isAsync(method),
      },
    };
  });
}

function isAsync(method: Node): boolean {
  const returns = method.childForFieldName('returns') ?? method.childForFieldName('type');
  return ASYNC_RETURN.test(returns?.text ?? '') || namedChildren(method).some((child) => child.type === 'modifier' && child.text === 'async');
}

/** `[Description("...")]` on the method or lambda. */
function describe(node: Node, evaluator: CsharpEvaluator): string | null {
  const attribute = attributesOf(node).find((candidate) => candidate.name === 'Description' && candidate.target === null);
  return attribute ? evaluator.evaluate(attributeArguments(attribute.node).positional[0])?.text ?? null : null;
}

function draft(call: Node, target: Delegate, options: Map<string, Node>, input: Input): ToolDraft {
  const { evaluator } = input;
  const nameNode = options.get('Name');
  const name = evaluator.evaluate(nameNode);
  const derived = target.methodName ? deriveToolName(target.methodName, target.elsewhere?.isAsync ?? (target.node ? isAsync(target.node) : false)) : null;
  const descriptionNode = options.get('Description');
  const description = descriptionNode ? evaluator.evaluate(descriptionNode) : null;
  const ownDescription = target.elsewhere?.description ?? (target.node ? describe(target.node, evaluator) : null);
  const title = evaluator.evaluate(options.get('Title'))?.text ?? null;
  const annotations: Record<string, unknown> = {};
  const annotationsOrigin: Record<string, HintOrigin> = Object.fromEntries(HINTS.map((hint) => [hint, 'absent' as HintOrigin]));
  if (title) annotations.title = title;
  for (const [property, hint] of Object.entries(HINT_PROPERTIES)) {
    const value = options.get(property)?.text;
    if (value !== 'true' && value !== 'false') continue;
    annotations[hint] = value === 'true';
    annotationsOrigin[hint] = 'explicit';
  }
  const nameResolved = nameNode ? name?.complete ?? false : derived !== null;
  const schema = target.elsewhere?.schema ?? (target.node ? methodSchema(target.node, evaluator, registeredServices(input.context.tree)) : null);
  const tool: ToolDraft = {
    name: nameNode ? name?.text ?? nameNode.text : derived ?? '<lambda>',
    nameResolved,
    title,
    description: descriptionNode ? description?.text ?? null : ownDescription,
    descriptionResolved: descriptionNode ? (!description ? 'none' : description.complete ? 'full' : 'partial') : ownDescription ? 'full' : 'none',
    inputSchema: schema,
    annotations: Object.keys(annotations).length ? annotations : null,
    annotationsOrigin,
    file: input.path,
    line: line(call),
    sdk: 'csharp-mcp-sdk',
    style: 'McpServerTool.Create',
    conditions: [],
    confidence: nameResolved ? 1 : 0.6,
    handler: target.node ? { file: input.path, startLine: line(target.node), endLine: target.node.endPosition.row + 1 } : null,
  };
  if (schema) tool.inputSchemaSource = 'parameters';
  if (!nameResolved) tool.nameExpr = nameNode?.text ?? call.text.slice(0, 200);
  if (descriptionNode && !description?.complete) tool.descriptionExpr = descriptionNode.text;
  return tool;
}
