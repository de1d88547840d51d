import type { Node } from '../../parser.ts';
import type { Evaluator } from './evaluate.ts';
import type { Module } from './program.ts';
import { lineOf, namedChildren } from './syntax.ts';
import type { ToolParts } from './tool-draft.ts';
import type { Entry, Value } from './values.ts';

/** Base classes of class-based tool frameworks (mcp-framework's `MCPTool`). */
const TOOL_BASES = /^MCPTool\b/;

/**
 * mcp-framework: `class X extends MCPTool { name = "..."; description = "..."; schema = {...} }`,
 * discovered from the tools folder at run time. Each such class is a tool.
 */
export function classTools(evaluator: Evaluator, mod: Module, sdk: string): ToolParts[] {
  const found: ToolParts[] = [];
  for (const type of ['class_declaration', 'class']) {
    for (const node of mod.root.descendantsOfType(type)) {
      if (!node || !TOOL_BASES.test(baseClass(node) ?? '')) continue;
      const fields = classFields(node);
      const nameNode = fields.get('name');
      if (!nameNode) continue;
      const value = (key: string): Value | null => {
        const field = fields.get(key);
        return field ? evaluator.evaluate(field, mod) : null;
      };
      const execute = namedChildren(node.childForFieldName('body') ?? node).find((member) => member.type === 'method_definition' && member.childForFieldName('name')?.text === 'execute');
      found.push({
        name: value('name')!, nameNode, mod, title: value('title'), description: value('description'),
        schema: frameworkShape(value('schema')), annotations: value('annotations'),
        handler: execute ? { file: mod.path, startLine: lineOf(execute), endLine: execute.endPosition.row + 1 } : null,
        conditions: [], sdk, style: 'MCPTool class', formConfidence: 1,
      });
    }
  }
  return found;
}

function baseClass(node: Node): string | null {
  const heritage = namedChildren(node).find((child) => child.type === 'class_heritage');
  const clause = heritage ? namedChildren(heritage).find((child) => child.type === 'extends_clause') ?? heritage : null;
  const base = clause ? namedChildren(clause)[0] : null;
  return base?.text ?? null;
}

/** Instance fields with initialisers: `name = "x"`, `description = ...`. */
function classFields(node: Node): Map<string, Node> {
  const fields = new Map<string, Node>();
  for (const member of namedChildren(node.childForFieldName('body') ?? node)) {
    if (member.type !== 'public_field_definition' && member.type !== 'field_definition') continue;
    const name = member.childForFieldName('name') ?? member.childForFieldName('property');
    const value = member.childForFieldName('value');
    if (name && value) fields.set(name.text, value);
  }
  return fields;
}

/**
 * mcp-framework writes each property as `{ type: z.string(), description }`; the Zod type is the
 * property's schema. A `z.object(...)` schema is read as is.
 */
function frameworkShape(schema: Value | null): Value | null {
  if (schema?.kind !== 'obj') return schema;
  const entries = new Map<string, Entry>();
  for (const [key, entry] of schema.entries) {
    const inner = entry.node?.type === 'object' ? namedChildren(entry.node).find((pair) => pair.type === 'pair' && pair.childForFieldName('key')?.text === 'type') : null;
    if (!inner) return schema;
    entries.set(key, { ...entry, node: inner.childForFieldName('value'), value: undefined });
  }
  return { ...schema, entries };
}
