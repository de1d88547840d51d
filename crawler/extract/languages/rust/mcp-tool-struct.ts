import type { Hint, HintOrigin } from '../../../model/tool.ts';
import type { ToolDraft } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { attributeEntries, entry } from './attribute-args.ts';
import { attributeArguments, isTestOnly } from './items.ts';
import { structSchema } from './struct-schema.ts';
import { boolFromTokens, stringFromTokens, type RustScope, resolution } from './values.ts';

const HINT_KEYS: Record<string, Hint> = {
  read_only_hint: 'readOnlyHint',
  destructive_hint: 'destructiveHint',
  idempotent_hint: 'idempotentHint',
  open_world_hint: 'openWorldHint',
};

/** rust-mcp-sdk's macros crate, which `#[mcp_tool]` must come from (pmcp and others use the name on functions). */
const RUST_MCP_SDK = /\brust_mcp_(sdk|macros)\b/;

/**
 * rust-mcp-sdk (reference §6.4, RS-07): `#[mcp_tool(name = "...", description = "...", hints...)]`
 * on a struct whose fields are the input. The struct is usually listed in `tool_box!(Tools, [A, B])`.
 */
export function toolFromStructAttribute(attribute: Node, root: Node, scope: RustScope): ToolDraft | null {
  if (!RUST_MCP_SDK.test(scope.file.text)) return null;
  let item: Node | null = attribute.nextNamedSibling;
  while (item && /^(attribute_item|line_comment|block_comment)$/.test(item.type)) item = item.nextNamedSibling;
  if (item?.type !== 'struct_item' || isTestOnly(item)) return null;
  const entries = attributeEntries(attributeArguments(attribute));
  const nameTokens = entry(entries, 'name')?.value;
  const name = nameTokens ? stringFromTokens(nameTokens, scope) : null;
  if (!name?.known) return null;
  const descriptionTokens = entry(entries, 'description')?.value;
  const description = descriptionTokens ? stringFromTokens(descriptionTokens, scope) : null;
  const titleTokens = entry(entries, 'title')?.value;
  const title = titleTokens ? stringFromTokens(titleTokens, scope) : null;

  // The macro builds ToolAnnotations only from the hints written; the others stay unset.
  const origins: Record<Hint, HintOrigin> = { readOnlyHint: 'absent', destructiveHint: 'absent', idempotentHint: 'absent', openWorldHint: 'absent' };
  const annotations: Record<string, unknown> = {};
  for (const item of entries) {
    const hint = HINT_KEYS[item.key];
    if (!hint) continue;
    origins[hint] = 'explicit';
    const value = item.value ? boolFromTokens(item.value) : null;
    if (value !== null) annotations[hint] = value;
  }
  const structName = item.childForFieldName('name')?.text ?? '';
  const listed = new RegExp(`tool_box!\\s*\\([^)]*\\b${structName}\\b`).test(scope.file.text);
  return {
    name: name.text,
    nameResolved: name.complete,
    title: title?.known ? title.text : null,
    description: description?.text ?? null,
    descriptionResolved: resolution(description),
    inputSchema: structSchema(item, root, scope),
    inputSchemaSource: 'struct-fields',
    annotations: Object.keys(annotations).length ? annotations : null,
    annotationsOrigin: origins,
    file: scope.file.path,
    line: attribute.startPosition.row + 1,
    sdk: 'rust-mcp-sdk',
    style: 'rust-mcp-sdk #[mcp_tool]',
    conditions: [],
    // A struct listed in a tool_box! of its own file is surely served; elsewhere, most likely.
    confidence: !name.complete ? 0.5 : listed ? 1 : 0.9,
    handler: callToolSpan(root, structName, scope.file.path),
  };
}

/** The struct's `call_tool` method in this file, where rust-mcp-sdk examples put the tool's code. */
function callToolSpan(root: Node, structName: string, file: string): ToolDraft['handler'] {
  for (const impl of root.descendantsOfType('impl_item')) {
    if (!impl || impl.childForFieldName('trait') || impl.childForFieldName('type')?.text !== structName) continue;
    for (const fn of impl.childForFieldName('body')?.namedChildren ?? []) {
      if (fn?.type === 'function_item' && fn.childForFieldName('name')?.text === 'call_tool') {
        return { file, startLine: fn.startPosition.row + 1, endLine: fn.endPosition.row + 1 };
      }
    }
  }
  return null;
}
