import type { Condition } from '../../../model/index.ts';
import type { FileExtraction } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { conditionsOf } from './conditions.ts';
import { evaluate, toJson } from './evaluate.ts';
import type { ModuleScope } from './module-scope.ts';
import { callArguments, enclosing, lineOf, namedChildren, type CallArguments } from './nodes.ts';
import { receiverSdk, serverClassOf } from './sdk.ts';
import { mcpVersion, titleBeforeDescription } from './sdk-version.ts';
import { factsOf } from './function-facts.ts';
import { toolDrafts } from './composition.ts';

/** The `.tool` decorator of a decorator node: its receiver and its call, if it is called. */
function toolDecorator(decorator: Node): { receiver: Node; call: Node | null } | null {
  const expression = namedChildren(decorator)[0];
  if (!expression) return null;
  const call = expression.type === 'call' ? expression : null;
  const target = call ? call.childForFieldName('function') : expression;
  if (target?.type !== 'attribute' || target.childForFieldName('attribute')?.text !== 'tool') return null;
  const receiver = target.childForFieldName('object');
  return receiver ? { receiver, call } : null;
}

/** Keyword slots filled by position after the name, which moved in mcp 1.10 (research §4.1). */
export function positionalSlots(scope: ModuleScope, afterName: Node[]): { title?: Node; description?: Node; annotations?: Node } {
  const order = titleBeforeDescription(mcpVersion(scope)) ? ['title', 'description', 'annotations'] : ['description', 'annotations'];
  const slots: Record<string, Node> = {};
  afterName.forEach((node, index) => {
    if (order[index]) slots[order[index]] = node;
  });
  return slots;
}

/** `enabled=False` (fastmcp): the tool exists but is not listed. */
export function disabledCondition(args: CallArguments, scope: ModuleScope): Condition[] {
  const enabled = args.keywords.get('enabled');
  if (!enabled) return [];
  const value = evaluate(enabled, scope);
  return value.kind === 'bool' && value.value ? [] : [{ kind: 'disabled', expr: `enabled=${enabled.text}` }];
}

export function excludedArguments(args: CallArguments, scope: ModuleScope): Set<string> {
  const node = args.keywords.get('exclude_args');
  const value = node ? toJson(evaluate(node, scope)) : undefined;
  return new Set(Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
}

/**
 * `@mcp.tool()`, `@mcp.tool`, `@mcp.tool("name")` and `@mcp.tool(name=..., ...)` on a function,
 * whatever the receiver is called, stacked with other decorators or not.
 */
export function decoratorTools(scope: ModuleScope, out: FileExtraction, within: Node = scope.root): void {
  for (const decorated of within.descendantsOfType('decorated_definition')) {
    const definition = decorated?.childForFieldName('definition');
    if (!decorated || definition?.type !== 'function_definition') continue;
    for (const decorator of namedChildren(decorated)) {
      if (decorator.type !== 'decorator') continue;
      const found = toolDecorator(decorator);
      const sdk = found ? receiverSdk(found.receiver, scope) : null;
      if (!found || !sdk) continue;
      const args: CallArguments = found.call ? callArguments(found.call) : { positional: [], keywords: new Map(), keywordNodes: new Map(), spread: false };
      let formConfidence = 1;
      if (!found.call && sdk === 'py-mcp') {
        formConfidence = 0.6;
        out.warnings.push({ file: scope.file.path, message: `line ${lineOf(decorator)}: bare @${found.receiver.text}.tool fails on the official mcp SDK (it needs @${found.receiver.text}.tool())` });
      }
      const [nameNode, ...afterName] = args.positional;
      const slots = sdk === 'py-mcp' ? positionalSlots(scope, afterName) : {};
      if (sdk === 'py-mcp' && afterName.length > 0 && !mcpVersion(scope)) {
        out.warnings.push({ file: scope.file.path, message: `line ${lineOf(decorator)}: positional tool() arguments mean different things before and after mcp 1.10; read as title, description` });
      }
      out.tools.push(...toolDrafts({
        nameNode: args.keywords.get('name') ?? nameNode ?? null,
        functionName: definition.childForFieldName('name')?.text ?? null,
        descriptionNode: args.keywords.get('description') ?? slots.description ?? null,
        titleNode: args.keywords.get('title') ?? slots.title ?? null,
        annotationsNode: args.keywords.get('annotations') ?? slots.annotations ?? null,
        fn: factsOf(definition, scope, excludedArguments(args, scope)),
        inputSchema: null,
        line: lineOf(decorator),
        conditions: [...conditionsOf(decorated, scope), ...disabledCondition(args, scope)],
        sdk,
        style: `${serverClassOf(scope)}.tool`,
        formConfidence,
        receiver: found.receiver,
        objectName: atModuleLevel(decorated) ? definition.childForFieldName('name')?.text ?? null : null,
        tagsNode: args.keywords.get('tags') ?? null,
      }, scope));
    }
  }
}

/** True for a definition or statement outside any function or class. */
export function atModuleLevel(node: Node): boolean {
  return enclosing(node, ['function_definition', 'class_definition']) === null;
}
