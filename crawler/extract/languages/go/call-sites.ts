import type { Condition } from '../../../model/tool.ts';
import type { ExtractContext } from '../../extractor.ts';
import { isSkippedPath } from '../../files.ts';
import type { Node } from '../../parser.ts';
import { localPackageDirs } from './local-imports.ts';
import { packageOf, type GoPackage } from './package-index.ts';
import { conditionsOf } from './registration.ts';
import { freeze, type GoSyntax } from './syntax.ts';

/** The function a call sits in, when it is a plain (package-level) function. */
export interface EnclosingFunction {
  dir: string;
  name: string;
  parameters: string[];
}

/** One call of a package function, anywhere in the repository. */
export interface CallSite {
  file: string;
  dir: string;
  line: number;
  /** The qualifier the call used (`mcpgo` in `mcpgo.NewTool(...)`), '' for a same-package call. */
  qualifier: string;
  args: GoSyntax[];
  pkg: GoPackage;
  conditions: Condition[];
  enclosing: EnclosingFunction | null;
  /** Values of the variables the arguments name, declared in the enclosing function (`params := ...`). */
  locals: Map<string, GoSyntax>;
  /** The registering call around this one, `group.AddWriteTools(F(...))`: its callee and its text. */
  outerCall: { callee: string; text: string } | null;
}

/** Go sources of the repository, read once per extraction run. */
const sources = new WeakMap<ExtractContext, Map<string, string>>();

/** Most files searched for call sites: generated trees can hold many thousands. */
const MAX_FILES = 5000;

function goSources(context: ExtractContext): Map<string, string> {
  let texts = sources.get(context);
  if (texts) return texts;
  texts = new Map();
  for (const path of context.tree.paths()) {
    if (texts.size >= MAX_FILES) break;
    if (!path.endsWith('.go') || isSkippedPath(path)) continue;
    const text = context.readText(path);
    if (text !== null) texts.set(path, text);
  }
  sources.set(context, texts);
  return texts;
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** Parameter names of a function declaration, in order (`a, b string` gives two). */
export function parameterNames(fn: Node): string[] {
  const names: string[] = [];
  for (const declaration of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (declaration?.type !== 'parameter_declaration' && declaration?.type !== 'variadic_parameter_declaration') continue;
    const identifiers = declaration.childrenForFieldName('name').filter((n): n is Node => n !== null);
    if (identifiers.length === 0) names.push('_');
    for (const identifier of identifiers) names.push(identifier.text);
  }
  return names;
}

export function enclosingFunction(node: Node): Node | null {
  let current = node.parent;
  while (current && current.type !== 'function_declaration' && current.type !== 'method_declaration') current = current.parent;
  return current;
}

const found = new WeakMap<ExtractContext, Map<string, CallSite[]>>();

/** True when some Go file of the repository matches `pattern` (a cheap gate before a search). */
export function anySource(pattern: RegExp, context: ExtractContext): boolean {
  for (const text of goSources(context).values()) if (pattern.test(text)) return true;
  return false;
}

/** Every call of function `name` of the package in `dir`: `name(...)` inside it, `q.name(...)` elsewhere. */
export function callSitesOf(dir: string, name: string, context: ExtractContext): CallSite[] {
  let byFunction = found.get(context);
  if (!byFunction) found.set(context, (byFunction = new Map()));
  const key = `${dir}\u0000${name}`;
  let sites = byFunction.get(key);
  if (!sites) byFunction.set(key, (sites = searchCallSites(dir, name, context)));
  return sites;
}

function searchCallSites(dir: string, name: string, context: ExtractContext): CallSite[] {
  const sites: CallSite[] = [];
  for (const [path, text] of goSources(context)) {
    if (!text.includes(`${name}(`)) continue;
    context.parseFile(path, (root, file) => {
      const samePackage = dirOf(path) === dir;
      const qualifiers = samePackage ? new Set(['']) : qualifiersOf(path, root, dir, context);
      if (qualifiers.size === 0) return;
      let pkg: GoPackage | undefined;
      for (const call of root.descendantsOfType('call_expression')) {
        if (!call) continue;
        const qualifier = calledQualifier(call, name);
        if (qualifier === null || !qualifiers.has(qualifier)) continue;
        pkg ??= packageOf(file, root, context);
        sites.push(siteOf(call, path, qualifier, pkg));
      }
    });
  }
  return sites;
}

/** The local names under which `path` imports the package in `dir` ('' for a dot import). */
function qualifiersOf(path: string, root: Node, dir: string, context: ExtractContext): Set<string> {
  const names = new Set<string>();
  for (const [local, target] of localPackageDirs(path, root, context)) if (target === dir) names.add(local === '.' ? '' : local);
  return names;
}

function calledQualifier(call: Node, name: string): string | null {
  const fn = call.childForFieldName('function');
  if (fn?.type === 'identifier') return fn.text === name ? '' : null;
  if (fn?.type === 'selector_expression' && fn.childForFieldName('field')?.text === name) {
    const operand = fn.childForFieldName('operand');
    return operand?.type === 'identifier' ? operand.text : null;
  }
  return null;
}

function siteOf(call: Node, path: string, qualifier: string, pkg: GoPackage): CallSite {
  const args = call.childForFieldName('arguments')?.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment') ?? [];
  const enclosing = enclosingFunction(call);
  const enclosingName = enclosing?.type === 'function_declaration' ? enclosing.childForFieldName('name')?.text : undefined;
  return {
    file: path,
    dir: dirOf(path),
    line: call.startPosition.row + 1,
    qualifier,
    args: args.map((arg) => freeze(arg)),
    pkg,
    conditions: conditionsOf(call),
    enclosing: enclosing && enclosingName ? { dir: dirOf(path), name: enclosingName, parameters: parameterNames(enclosing) } : null,
    locals: enclosing ? localsOf(enclosing, args) : new Map(),
    outerCall: outerCallOf(call),
  };
}

/** `x := value` / `var x = value` in the function, for the identifiers passed as arguments. */
function localsOf(fn: Node, args: Node[]): Map<string, GoSyntax> {
  const wanted = new Set(args.filter((a) => a.type === 'identifier').map((a) => a.text));
  const locals = new Map<string, GoSyntax>();
  if (wanted.size === 0) return locals;
  for (const declaration of fn.descendantsOfType(['short_var_declaration', 'var_spec'])) {
    if (!declaration) continue;
    const left = declaration.childForFieldName('left')?.namedChildren ?? declaration.childrenForFieldName('name');
    const right = declaration.childForFieldName('right')?.namedChildren ?? declaration.childForFieldName('value')?.namedChildren ?? [];
    left.forEach((identifier, i) => {
      const value = right[i];
      if (identifier && value && wanted.has(identifier.text) && !locals.has(identifier.text)) locals.set(identifier.text, freeze(value));
    });
  }
  return locals;
}

function outerCallOf(call: Node): CallSite['outerCall'] {
  let top = call;
  while (top.parent && /^(unary_expression|parenthesized_expression)$/.test(top.parent.type)) top = top.parent;
  const outer = top.parent?.type === 'argument_list' ? top.parent.parent : null;
  if (outer?.type !== 'call_expression') return null;
  const fn = outer.childForFieldName('function');
  const callee = fn?.type === 'selector_expression' ? (fn.childForFieldName('field')?.text ?? '') : (fn?.text ?? '');
  const operand = fn?.type === 'selector_expression' ? (fn.childForFieldName('operand')?.text ?? '') : '';
  return { callee, text: operand.slice(0, 300) };
}
