import type { Hint, HintOrigin } from '../../../model/tool.ts';
import type { ToolDraft } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { attributeEntries, entry, type AttributeEntry } from './attribute-args.ts';
import { attributeArguments, attributeName, attributesOf, docOf, isTestOnly } from './items.ts';
import { schemaOfType } from './type-lookup.ts';
import { typeSchema } from './struct-schema.ts';
import { boolFromTokens, stringFromTokens, type RustScope, type RustString, resolution } from './values.ts';

const HINT_KEYS: Record<string, Hint> = {
  read_only_hint: 'readOnlyHint',
  destructive_hint: 'destructiveHint',
  idempotent_hint: 'idempotentHint',
  open_world_hint: 'openWorldHint',
};

/** Attribute names that make an impl block a tool router (current and legacy rmcp). */
function isRouter(impl: Node): boolean {
  return attributesOf(impl).some((attribute) => {
    const name = attributeName(attribute);
    if (name === 'tool_router' || name === 'tool_box') return true;
    return name === 'tool' && /\btool_box\b/.test(attributeArguments(attribute)?.text ?? '');
  });
}

/**
 * Reads one `#[tool(...)]` attribute on a method: rmcp's macro. Returns null for attributes that are
 * not on a function (the legacy `#[tool(tool_box)]` on an impl) and for test-only code.
 */
export function toolFromAttribute(attribute: Node, root: Node, scope: RustScope): ToolDraft | null {
  let fn: Node | null = attribute.nextNamedSibling;
  while (fn && /^(attribute_item|line_comment|block_comment)$/.test(fn.type)) fn = fn.nextNamedSibling;
  if (fn?.type !== 'function_item' || isTestOnly(fn)) return null;
  const entries = attributeEntries(attributeArguments(attribute));
  if (entry(entries, 'tool_box')) return null;
  const impl = fn.parent?.parent;
  const inRouter = impl?.type === 'impl_item' && isRouter(impl);

  const nameEntry = entry(entries, 'name')?.value;
  const fnName = fn.childForFieldName('name')?.text.replace(/^r#/, '') ?? '';
  const name: RustString = nameEntry ? stringFromTokens(nameEntry, scope) : { text: fnName, complete: true, known: true, viaConstant: false };
  if (!name.known) return null;

  const descriptionEntry = entry(entries, 'description')?.value;
  const description = descriptionEntry ? stringFromTokens(descriptionEntry, scope) : docDescription(fn);
  const titleEntry = entry(entries, 'title')?.value;
  const title = titleEntry ? stringFromTokens(titleEntry, scope) : null;
  const annotations = annotationsOf(entry(entries, 'annotations'), scope);
  const hasSchemaExpression = Boolean(entry(entries, 'input_schema'));
  const line = attribute.startPosition.row + 1;

  return {
    name: name.text,
    nameResolved: name.complete,
    title: title?.known ? title.text : null,
    description: description?.text ?? null,
    descriptionResolved: resolution(description),
    inputSchema: hasSchemaExpression ? null : parameterSchema(fn, root, scope),
    annotations: annotations.values,
    annotationsOrigin: annotations.origins,
    file: scope.file.path,
    line,
    sdk: 'rust-rmcp',
    style: 'rmcp#[tool]',
    conditions: [],
    // A #[tool] outside a router impl is only registered if some other code collects it, through
    // the `<fn>_tool_attr()` the macro generates.
    confidence: !name.complete ? 0.5 : inRouter ? (name.viaConstant ? 0.95 : 1) : routedByHand(fnName, scope) ? 0.9 : 0.6,
    handler: { file: scope.file.path, startLine: fn.startPosition.row + 1, endLine: fn.endPosition.row + 1 },
  };
}

function routedByHand(fnName: string, scope: RustScope): boolean {
  return new RegExp(`\\b${fnName}_tool_attr\\s*\\(`).test(scope.file.text);
}

function docDescription(fn: Node): RustString | null {
  const doc = docOf(fn);
  return doc === null ? null : { text: doc, complete: true, known: true, viaConstant: false };
}

/** rmcp's ToolAnnotations fields are all optional: only the hints written are sent. */
function annotationsOf(annotations: AttributeEntry | undefined, scope: RustScope): { values: Record<string, unknown> | null; origins: Record<Hint, HintOrigin> } {
  const origins: Record<Hint, HintOrigin> = { readOnlyHint: 'absent', destructiveHint: 'absent', idempotentHint: 'absent', openWorldHint: 'absent' };
  if (!annotations?.nested) return { values: null, origins };
  const values: Record<string, unknown> = {};
  for (const item of attributeEntries(annotations.nested)) {
    if (item.key === 'title' && item.value) {
      const title = stringFromTokens(item.value, scope);
      if (title.known) values.title = title.text;
      continue;
    }
    const hint = HINT_KEYS[item.key];
    if (!hint) continue;
    origins[hint] = 'explicit';
    const value = item.value ? boolFromTokens(item.value) : null;
    if (value !== null) values[hint] = value;
  }
  return { values: Object.keys(values).length ? values : null, origins };
}

/**
 * The input schema from the method's parameters: `Parameters<T>` (current rmcp) or a `#[tool(aggr)]`
 * struct, else one property per `#[tool(param)]` argument (legacy rmcp). No parameters: an empty object.
 */
function parameterSchema(fn: Node, root: Node, scope: RustScope): Record<string, unknown> | null {
  const parameters = fn.childForFieldName('parameters');
  if (!parameters) return emptySchema();
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  let pending: Node[] = [];
  for (const child of flatten(parameters)) {
    if (child.type === 'attribute_item') {
      pending.push(child);
      continue;
    }
    if (child.type !== 'parameter') continue;
    const marks = pending.filter((a) => attributeName(a) === 'tool').map((a) => attributeArguments(a)?.text ?? '');
    const attributes = pending;
    pending = [];
    const type = child.childForFieldName('type');
    if (!type) continue;
    const wrapped = parametersTypeArgument(type);
    if (wrapped || marks.some((m) => /\baggr\b/.test(m))) {
      const typeName = wrapped ?? lastSegment(type.text);
      return schemaOfType(typeName, root, scope);
    }
    if (marks.some((m) => /\bparam\b/.test(m))) {
      const name = child.childForFieldName('pattern')?.text.replace(/^(mut\s+|r#)/, '') ?? '';
      const { schema, optional } = typeSchema(type, root, scope, 0);
      const description = schemarsDescription(attributes, scope);
      if (description) schema.description = description;
      properties[name] = schema;
      if (!optional) required.push(name);
    }
  }
  const schema: Record<string, unknown> = { type: 'object', properties };
  if (required.length) schema.required = required;
  return schema;
}

/** Parameter lists with attributes on arguments may parse partly as ERROR nodes; their children still count. */
function flatten(parameters: Node): Node[] {
  const nodes: Node[] = [];
  for (const child of parameters.namedChildren) {
    if (!child) continue;
    if (child.type === 'ERROR') nodes.push(...flatten(child));
    else nodes.push(child);
  }
  return nodes;
}

function parametersTypeArgument(type: Node): string | null {
  if (type.type !== 'generic_type') return null;
  if (lastSegment(type.childForFieldName('type')?.text ?? '') !== 'Parameters') return null;
  const argument = type.childForFieldName('type_arguments')?.namedChildren[0];
  return argument ? lastSegment(argument.text.replace(/<.*$/s, '')) : null;
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf(':') + 1).trim();
}

function schemarsDescription(attributes: Node[], scope: RustScope): string | null {
  for (const attribute of attributes) {
    if (attributeName(attribute) !== 'schemars') continue;
    const value = entry(attributeEntries(attributeArguments(attribute)), 'description')?.value;
    if (value) return stringFromTokens(value, scope).text;
  }
  return null;
}

function emptySchema(): Record<string, unknown> {
  return { type: 'object', properties: {} };
}
