import type { Hint } from '../../../model/tool.ts';
import { emptyExtraction, type DynamicDraft, type ExtractContext, type FileExtraction, type LanguageExtractor, type SourceFile, type ToolDraft } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { annotationsValue } from './annotations.ts';
import { sdkImports, type SdkImports } from './imports.ts';
import { readMark3labsTool, schemaFromBuilders, type Mark3labsTool } from './mark3labs.ts';
import { moduleSdk, type GoSdk } from './module-sdk.ts';
import { localPackageDirs } from './local-imports.ts';
import { packageIn, packageOf, type GoPackage } from './package-index.ts';
import { withLocals } from './locals.ts';
import { readMetoroTool } from './metoro.ts';
import { conditionsOf, handlerInputType, handlerParameterTypes, handlerSpan, registrationOf } from './registration.ts';
import { schemaOfStruct } from './struct-schema.ts';
import { spreadOptions } from './spread-options.ts';
import { freeze } from './syntax.ts';
import { looksLikeToolLiteral, readToolLiteral } from './tool-literal.ts';
import { groupConditions, groupConditionsOf, toolsetArgument } from './toolsets.ts';
import { wrapperSites, type WrapperSite } from './wrappers.ts';

/** go-sdk serializes its non-pointer hints whenever Annotations is set (reference §1.2). */
const GO_SDK_UNSET_HINTS: Partial<Record<Hint, boolean>> = { readOnlyHint: false, idempotentHint: false };

/** What every tool of one file shares. */
interface FileScope {
  file: SourceFile;
  pkg: GoPackage;
  imports: SdkImports;
  result: FileExtraction;
  context: ExtractContext;
  /** The repository's own packages this file imports, read on first use. */
  imported: () => Map<string, GoPackage>;
}

/** Tools of the Go SDKs: mark3labs/mcp-go `mcp.NewTool` and the official go-sdk `mcp.Tool` literals. */
export const goExtractor: LanguageExtractor = {
  id: 'go',
  grammars: ['go'],
  // SDK imports, plus the fields of project-local tool types (checked against go.mod before use).
  markers: ['mark3labs/mcp-go', 'modelcontextprotocol/go-sdk', 'metoro-io/mcp-golang', 'InputSchema:'],
  extract(file: SourceFile, root: Node, context: ExtractContext): FileExtraction {
    const result = emptyExtraction();
    const imports = sdkImports(root);
    const importsSdk = imports.mark3labs.size > 0 || imports.goSdk.size > 0 || imports.metoro.size > 0;
    const heuristicSdk = importsSdk ? (imports.goSdk.size ? 'go-sdk' : 'go-mark3labs') : moduleSdk(file.path, context);
    if (!importsSdk && !heuristicSdk) return result;
    let imported: Map<string, GoPackage> | undefined;
    const scope: FileScope = {
      file,
      pkg: packageOf(file, root, context),
      imports,
      result,
      context,
      imported: () => (imported ??= importedPackages(file, root, context)),
    };
    if (imports.mark3labs.size) {
      for (const call of root.descendantsOfType('call_expression')) if (call) extractNewTool(call, scope);
    }
    if (imports.metoro.size) {
      for (const call of root.descendantsOfType('call_expression')) if (call) extractRegisterTool(call, scope);
    }
    for (const literal of root.descendantsOfType('composite_literal')) {
      const type = literal?.childForFieldName('type');
      const body = literal?.childForFieldName('body');
      if (literal && type && body) extractLiteral(literal, type, body, scope, heuristicSdk);
    }
    for (const body of root.descendantsOfType('literal_value')) {
      const type = body && elidedType(body);
      if (body && type) extractLiteral(body, type, body, scope, heuristicSdk);
    }
    return result;
  },
};

function importedPackages(file: SourceFile, root: Node, context: ExtractContext): Map<string, GoPackage> {
  const packages = new Map<string, GoPackage>();
  for (const [local, dir] of localPackageDirs(file.path, root, context)) packages.set(local, packageIn(dir, context));
  return packages;
}

function extractNewTool(call: Node, scope: FileScope): void {
  const fn = call.childForFieldName('function');
  // A dot import calls the constructor without a qualifier.
  const qualified = fn?.type === 'selector_expression';
  if (!fn || (!qualified && fn.type !== 'identifier')) return;
  const constructor = qualified ? fn.childForFieldName('field')?.text : fn.text;
  if (constructor !== 'NewTool' && constructor !== 'NewToolWithRawSchema') return;
  if (!scope.imports.mark3labs.has(qualified ? (fn.childForFieldName('operand')?.text ?? '') : '')) return;
  const frozen = freeze(call);
  const spread = spreadOptions(call);
  const read = (pkg: GoPackage): Found | null => {
    const tool = readMark3labsTool(frozen, scope.imports.mark3labs, pkg, spread);
    if (!tool) return null;
    return {
      ...tool,
      sdk: 'go-mark3labs',
      style: `mcp.${constructor}`,
      handler: handlerSpan(registration?.handler ?? null, scope.file.path, scope.pkg, scope.imported),
      confidence: 1,
    };
  };
  const registration = registrationOf(call);
  const found = read(withLocals(scope.pkg, call));
  if (found) emit(scope, call, found, read, registration?.args ?? []);
}

/** metoro-io/mcp-golang `server.RegisterTool("name", "description", func(args Args) ...)`. */
function extractRegisterTool(call: Node, scope: FileScope): void {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'selector_expression' || fn.childForFieldName('field')?.text !== 'RegisterTool') return;
  const args = call.childForFieldName('arguments')?.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment') ?? [];
  if (args.length !== 3) return;
  const frozen = freeze(call);
  const handler = args[2];
  const read = (pkg: GoPackage): Found => ({
    ...readMetoroTool(frozen, handlerParameterTypes(handler, scope.pkg), pkg),
    sdk: 'go-metoro',
    style: 'RegisterTool',
    handler: handlerSpan(handler, scope.file.path, scope.pkg, scope.imported),
    confidence: 1,
  });
  emit(scope, call, read(withLocals(scope.pkg, call)), read, []);
}

/** The type of an elided element literal: `[]api.Tool{{...}}` or `map[string]*mcp.Tool{"x": {...}}`. */
function elidedType(literal: Node): Node | null {
  let outer = literal.parent;
  if (outer?.type !== 'literal_element') return null;
  outer = outer.parent;
  if (outer?.type === 'keyed_element') outer = outer.parent;
  const composite = outer?.type === 'literal_value' ? outer.parent : null;
  if (composite?.type !== 'composite_literal') return null;
  const type = composite.childForFieldName('type');
  let element = type?.childForFieldName(type.type === 'map_type' ? 'value' : 'element') ?? null;
  if (element?.type === 'pointer_type') element = element.namedChildren[0] ?? null;
  return element;
}

function extractLiteral(literal: Node, type: Node, body: Node, scope: FileScope, heuristicSdk: GoSdk | null): void {
  const keys = new Set<string>();
  for (const element of body.namedChildren) {
    if (element?.type === 'keyed_element') keys.add(element.namedChildren[0]?.text ?? '');
  }
  if (!keys.has('Name')) return;
  const pkgAlias = type.type === 'qualified_type' ? (type.childForFieldName('package')?.text ?? '') : '';
  const typeName = type.type === 'qualified_type' ? (type.childForFieldName('name')?.text ?? '') : type.text;
  const sdkTool = typeName === 'Tool' && (scope.imports.goSdk.has(pkgAlias) || scope.imports.mark3labs.has(pkgAlias));
  if (!sdkTool && !(heuristicSdk && looksLikeToolLiteral(typeName, keys))) return;

  const isGoSdk = sdkTool ? scope.imports.goSdk.has(pkgAlias) : heuristicSdk === 'go-sdk';
  const frozen = freeze(literal);
  const registration = registrationOf(literal);
  const read = (pkg: GoPackage): Found | null => {
    const tool = readToolLiteral(frozen, pkg, sdkTool && isGoSdk ? GO_SDK_UNSET_HINTS : {});
    if (!tool) return null;
    let inputSchema = tool.inputSchema;
    let style = sdkTool ? `${pkgAlias || 'mcp'}.Tool` : 'tool-literal';
    const typed = registration?.callee === 'AddTool' && isGoSdk && scope.imports.goSdk.has(registration.receiver);
    if (typed) {
      // go-sdk's generic mcp.AddTool infers the schema from the handler's input struct.
      style = 'mcp.AddTool';
      const inputType = registration.typeArgument ?? handlerInputType(registration.handler, scope.pkg);
      if (!tool.hasInputSchema && inputType) inputSchema = schemaOfStruct(inputType, scope.pkg);
    } else if (registration?.callee === 'AddTool' && sdkTool) {
      style = 'Server.AddTool';
    }
    return {
      ...tool,
      inputSchema,
      sdk: isGoSdk ? 'go-sdk' : 'go-mark3labs',
      style,
      handler: handlerSpan(registration?.handler ?? null, scope.file.path, scope.pkg, scope.imported),
      confidence: sdkTool ? 1 : 0.7,
    };
  };
  const found = read(withLocals(scope.pkg, literal));
  if (found) emit(scope, literal, found, read, registration?.args ?? []);
}

interface Found extends Mark3labsTool {
  sdk: string;
  style: string;
  handler: ToolDraft['handler'];
  confidence: number;
}

/** A wrapper's tool is as sure as its call: slightly less than a literal written in place. */
const WRAPPER_CONFIDENCE = 0.9;

function emit(scope: FileScope, node: Node, found: Found, read: (pkg: GoPackage) => Found | null, registrationArgs: Node[]): void {
  const { name } = found;
  const toolset = toolsetArgument(registrationArgs.map((arg) => freeze(arg)), scope.pkg);
  if (!name.known) {
    const sites = wrapperSites(node, found.nameNode, scope.pkg, scope.file.path, scope.context);
    if (sites?.length) {
      for (const site of sites) emitWrapped(scope, node, site, read, toolset);
      return;
    }
    // The name is computed at run time (a loop variable, a map key): say so, not nothing.
    const dynamic: DynamicDraft = {
      file: scope.file.path,
      line: found.nameNode.line,
      reason: `tool name computed at run time: ${found.nameNode.text.slice(0, 200)}`,
    };
    scope.result.dynamic.push(dynamic);
    return;
  }
  const conditions = [...conditionsOf(node), ...(toolset ? [toolset] : []), ...groupConditions(node, scope.file.path, scope.context)];
  push(scope, found, { file: scope.file.path, line: found.nameNode.line, conditions });
}

/** One call of a repository-local wrapper: the tool read again with the wrapper's parameters bound. */
function emitWrapped(scope: FileScope, node: Node, site: WrapperSite, read: (pkg: GoPackage) => Found | null, toolset: ToolDraft['conditions'][number] | null): void {
  const found = read(site.bound);
  if (!found) return;
  if (!found.name.known) {
    scope.result.dynamic.push({ file: site.file, line: site.line, reason: `tool name computed at run time: ${site.site.args.map((a) => a.text).join(', ').slice(0, 200)}` });
    return;
  }
  const properties = found.inputSchema?.properties as Record<string, unknown> | undefined;
  if (found.inputSchema && (!properties || Object.keys(properties).length === 0) && site.site.qualifier) {
    // The wrapper builds the schema at run time from builders named like mcp-go's: read the call site's.
    const builders = site.site.args.map((arg) => (arg.type === 'identifier' ? (site.site.locals.get(arg.text) ?? arg) : arg));
    found.inputSchema = schemaFromBuilders(builders, site.site.qualifier, site.site.pkg) ?? found.inputSchema;
  }
  found.handler ??= localHandler(site);
  const outer = site.site.enclosing;
  const conditions = [...site.conditions, ...conditionsOf(node), ...(toolset ? [toolset] : [])];
  if (outer) conditions.push(...groupConditionsOf(outer.dir, outer.name, scope.context));
  push(scope, { ...found, confidence: Math.min(found.confidence, WRAPPER_CONFIDENCE), style: `${found.style} via wrapper` }, { file: site.file, line: site.line, conditions });
}

/** The wrapper call's last argument when it names a function literal of the calling function. */
function localHandler(site: WrapperSite): ToolDraft['handler'] {
  const last = site.site.args[site.site.args.length - 1];
  const value = last?.type === 'identifier' ? site.site.locals.get(last.text) : last;
  return value?.type === 'func_literal' ? { file: site.site.file, startLine: value.line, endLine: value.endLine } : null;
}

function push(scope: FileScope, found: Found, place: { file: string; line: number; conditions: ToolDraft['conditions'] }): void {
  const { name, description } = found;
  const confidence = name.complete ? (name.viaConstant ? Math.min(found.confidence, 0.95) : found.confidence) : 0.5;
  scope.result.tools.push({
    name: name.text,
    nameResolved: name.complete,
    title: found.title,
    description: description ? description.text : null,
    descriptionResolved: !description ? 'none' : description.complete ? 'full' : description.known ? 'partial' : 'none',
    inputSchema: found.inputSchema,
    annotations: annotationsValue(found.annotations),
    annotationsOrigin: { ...found.annotations.origins },
    file: place.file,
    line: place.line,
    sdk: found.sdk,
    style: found.style,
    conditions: place.conditions,
    confidence,
    handler: found.handler,
  });
}
