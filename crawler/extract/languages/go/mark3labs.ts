import type { Hint } from '../../../model/tool.ts';
import { annotationsFromLiteral, mark3labsDefaults, absentAnnotations, setHint, type AnnotationState } from './annotations.ts';
import { evaluateBool, evaluateNumber, evaluateString, type StringValue } from './evaluate.ts';
import { schemaFromExpression, toJson } from './json-literal.ts';
import type { GoPackage } from './package-index.ts';
import { schemaOfStruct } from './struct-schema.ts';
import { calleeOf, callArguments, unwrapExpression, type GoSyntax } from './syntax.ts';

/** A tool as mcp-go's constructor describes it, before it is placed in a file. */
export interface Mark3labsTool {
  name: StringValue;
  nameNode: GoSyntax;
  description: StringValue | null;
  title: string | null;
  inputSchema: Record<string, unknown> | null;
  annotations: AnnotationState;
}

const HINT_OPTIONS: Record<string, Hint> = {
  WithReadOnlyHintAnnotation: 'readOnlyHint',
  WithDestructiveHintAnnotation: 'destructiveHint',
  WithIdempotentHintAnnotation: 'idempotentHint',
  WithOpenWorldHintAnnotation: 'openWorldHint',
};

const PROPERTY_TYPES: Record<string, string | null> = {
  WithString: 'string',
  WithNumber: 'number',
  WithInteger: 'integer',
  WithBoolean: 'boolean',
  WithObject: 'object',
  WithArray: 'array',
  WithAny: null,
};

/**
 * Reads `mcp.NewTool(name, opts...)` or `mcp.NewToolWithRawSchema(name, description, schema)`.
 * Options apply in order, as they do at run time: a later `WithToolAnnotation` replaces earlier hints.
 */
export function readMark3labsTool(call: GoSyntax, aliases: Set<string>, pkg: GoPackage, spread: SpreadOption[] = []): Mark3labsTool | null {
  const [, constructor] = calleeOf(call);
  const args = callArguments(call);
  if (args.length === 0) return null;
  const tool: Mark3labsTool = {
    name: evaluateString(args[0], pkg),
    nameNode: args[0],
    description: null,
    title: null,
    inputSchema: { type: 'object', properties: {} },
    annotations: mark3labsDefaults(),
  };
  if (constructor === 'NewToolWithRawSchema') {
    // This constructor fills in no annotations, and takes the description and schema positionally.
    tool.annotations = absentAnnotations();
    tool.description = args[1] ? evaluateString(args[1], pkg) : null;
    tool.inputSchema = args[2] ? schemaFromExpression(args[2], pkg) : null;
    return tool;
  }
  for (const option of args.slice(1)) applyToolOption(tool, option, aliases, pkg, false);
  for (const { option, conditional } of spread) applyToolOption(tool, option, aliases, pkg, conditional);
  return tool;
}

/** An option collected from a slice passed as `opts...`; conditional when appended under an if or loop. */
export interface SpreadOption {
  option: GoSyntax;
  conditional: boolean;
}

function applyToolOption(tool: Mark3labsTool, option: GoSyntax, aliases: Set<string>, pkg: GoPackage, conditional: boolean): void {
  const expr = unwrapExpression(option);
  if (expr.type !== 'call_expression') return;
  const [receiver, name] = calleeOf(expr);
  if (!aliases.has(receiver)) return;
  const args = callArguments(expr);
  const first = args[0];
  if (name === 'WithDescription' && first) tool.description = evaluateString(first, pkg);
  else if (name === 'WithToolTitle' && first) tool.title = knownText(evaluateString(first, pkg));
  else if (name === 'WithTitleAnnotation' && first) setTitle(tool.annotations, knownText(evaluateString(first, pkg)));
  // A hint set on one branch only is declared, but its value depends on the run.
  else if (name in HINT_OPTIONS && first) setHint(tool.annotations, HINT_OPTIONS[name], conditional ? null : evaluateBool(first, pkg));
  else if (name === 'WithToolAnnotation' && first) tool.annotations = toolAnnotation(first, pkg);
  else if (name === 'WithRawInputSchema' && first) tool.inputSchema = schemaFromExpression(first, pkg);
  else if (name === 'WithInputSchema') tool.inputSchema = genericInputSchema(expr, pkg);
  else if (name in PROPERTY_TYPES && first) addProperty(tool, PROPERTY_TYPES[name], args, aliases, pkg);
}

function knownText(value: StringValue): string | null {
  return value.known ? value.text : null;
}

function setTitle(state: AnnotationState, title: string | null): void {
  if (title !== null) state.values.title = title;
}

function toolAnnotation(argument: GoSyntax, pkg: GoPackage): AnnotationState {
  const literal = unwrapExpression(argument);
  // WithToolAnnotation replaces the whole struct: hints it leaves out are nil and are not sent.
  if (literal.type === 'composite_literal') return annotationsFromLiteral(literal, pkg);
  const unknown = absentAnnotations();
  for (const hint of Object.values(HINT_OPTIONS)) unknown.origins[hint] = 'explicit';
  return unknown;
}

/** `mcp.WithInputSchema[Args]()`: the struct's inferred schema. */
function genericInputSchema(call: GoSyntax, pkg: GoPackage): Record<string, unknown> | null {
  const fn = call.fields.function;
  const typeArgument = fn?.fields.index ?? call.fields.type_arguments?.children[0];
  const typeName = typeArgument?.text.replace(/^\*/, '').trim();
  return typeName ? schemaOfStruct(typeName, pkg) : null;
}

function addProperty(tool: Mark3labsTool, type: string | null, args: GoSyntax[], aliases: Set<string>, pkg: GoPackage): void {
  const name = evaluateString(args[0], pkg);
  if (!name.complete || !tool.inputSchema) return;
  const property: Record<string, unknown> = type ? { type } : {};
  let required = false;
  for (const option of args.slice(1)) {
    const expr = unwrapExpression(option);
    if (expr.type !== 'call_expression') continue;
    const [receiver, optionName] = calleeOf(expr);
    if (!aliases.has(receiver)) continue;
    if (optionName === 'Required') required = true;
    else applyPropertyOption(property, optionName, callArguments(expr), pkg);
  }
  const properties = (tool.inputSchema.properties ??= {}) as Record<string, unknown>;
  properties[name.text] = property;
  if (required) {
    const list = (tool.inputSchema.required ??= []) as string[];
    if (!list.includes(name.text)) list.push(name.text);
  }
}

const NUMERIC_OPTIONS: Record<string, string> = {
  Min: 'minimum',
  Max: 'maximum',
  MinLength: 'minLength',
  MaxLength: 'maxLength',
  MinItems: 'minItems',
  MaxItems: 'maxItems',
  MultipleOf: 'multipleOf',
  DefaultNumber: 'default',
};

function applyPropertyOption(property: Record<string, unknown>, option: string, args: GoSyntax[], pkg: GoPackage): void {
  const first = args[0];
  if (!first) return;
  if (option === 'Description' || option === 'Title' || option === 'Pattern' || option === 'DefaultString') {
    const value = evaluateString(first, pkg);
    const key = option === 'DefaultString' ? 'default' : option.toLowerCase();
    if (value.known) property[key] = value.text;
  } else if (option in NUMERIC_OPTIONS) {
    const value = evaluateNumber(first);
    if (value !== null) property[NUMERIC_OPTIONS[option]] = value;
  } else if (option === 'DefaultBool') {
    const value = evaluateBool(first, pkg);
    if (value !== null) property.default = value;
  } else if (option === 'Enum') {
    const values = args.map((arg) => evaluateString(arg, pkg)).filter((v) => v.complete).map((v) => v.text);
    if (values.length) property.enum = values;
  } else if (option === 'Items' || option === 'Properties' || option === 'DefaultArray') {
    const value = toJson(first, pkg, 0);
    if (value !== undefined) property[option === 'DefaultArray' ? 'default' : option.toLowerCase()] = value;
  } else if (option === 'WithStringItems') {
    property.items = { type: 'string' };
  } else if (option === 'WithNumberItems') {
    property.items = { type: 'number' };
  } else if (option === 'WithStringEnumItems') {
    const values = toJson(first, pkg, 0);
    property.items = Array.isArray(values) ? { type: 'string', enum: values } : { type: 'string' };
  }
}

/**
 * Parameters written with a project's own builders that mirror mcp-go's (`mcpgo.WithString("id",
 * mcpgo.Required(), mcpgo.Description("..."))`), found anywhere inside `nodes`. Null when there are none.
 */
export function schemaFromBuilders(nodes: GoSyntax[], qualifier: string, pkg: GoPackage): Record<string, unknown> | null {
  const tool = { inputSchema: { type: 'object', properties: {} } } as unknown as Mark3labsTool;
  const aliases = new Set([qualifier]);
  let found = false;
  const visit = (node: GoSyntax, depth: number): void => {
    if (depth > 16) return;
    if (node.type === 'call_expression') {
      const [receiver, name] = calleeOf(node);
      const args = callArguments(node);
      if (receiver === qualifier && name in PROPERTY_TYPES && args[0]) {
        addProperty(tool, PROPERTY_TYPES[name], args, aliases, pkg);
        found = true;
        return;
      }
    }
    for (const child of node.children) visit(child, depth + 1);
  };
  for (const node of nodes) visit(node, 0);
  return found ? tool.inputSchema : null;
}
