import type { ExtractContext, SourceFile } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { namedChildren } from './nodes.ts';

/** A name bound by an import: `from module import name` (name set) or `import module` (name null). */
export interface ImportBinding {
  module: string;
  name: string | null;
}

/** A value of the partial evaluator (see evaluate.ts), kept opaque here to avoid an import cycle. */
export type PyValueLike = { kind: string };

/** An argument bound to a parameter: the node and the scope it is read in (the caller's). */
export interface BoundArgument {
  node: Node;
  scope: ModuleScope;
}

/** A wrapper function being expanded at one call site: its parameters take the call's arguments. */
export interface ParameterBindings {
  fn: Node;
  values: Map<string, BoundArgument>;
  call: Node;
  callerScope: ModuleScope;
}

/** What one Python file defines at module level, for the partial evaluator. */
export interface ModuleScope {
  file: SourceFile;
  root: Node;
  context: ExtractContext | null;
  /** Value node of the first module-level assignment of each name. */
  assignments: Map<string, Node>;
  /** Every module-level assignment of each name, in source order (constants reassigned in branches). */
  allAssignments: Map<string, Node[]>;
  classes: Map<string, Node>;
  functions: Map<string, Node>;
  imports: Map<string, ImportBinding>;
  /** How many files were crossed to get here; bounds import chains. */
  hops: number;
  /** Set while a loop over written values is unrolled: the loop node, its variable and one value. */
  loopValue?: { loop: Node; name: string; value: PyValueLike };
  /** Set while a wrapper's body is read for one of its call sites. */
  parameters?: ParameterBindings;
  /** Functions found registering tools named by their own parameters (wrappers), in this file. */
  wrappers: Node[];
  /** Call sites in loops that pass a wrapper names known only at run time (remote inventories). */
  generated: Node[];
}

/** Statements whose bodies still run at module level (guards, fallbacks). */
const MODULE_LEVEL_BLOCKS = new Set(['if_statement', 'elif_clause', 'else_clause', 'try_statement', 'except_clause', 'finally_clause', 'with_statement', 'block']);

export function buildModuleScope(file: SourceFile, root: Node, context: ExtractContext | null, hops = 0): ModuleScope {
  const scope: ModuleScope = {
    file, root, context, hops,
    assignments: new Map(), allAssignments: new Map(), classes: new Map(), functions: new Map(), imports: new Map(), wrappers: [], generated: [],
  };
  collectStatements(root, scope);
  for (const statement of root.descendantsOfType(['import_statement', 'import_from_statement'])) {
    if (statement) collectImport(statement, scope.imports);
  }
  return scope;
}

function collectStatements(container: Node, scope: ModuleScope): void {
  for (const statement of namedChildren(container)) {
    const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (!definition) continue;
    const name = definition.childForFieldName('name')?.text;
    if (definition.type === 'class_definition' && name) {
      if (!scope.classes.has(name)) scope.classes.set(name, definition);
    } else if (definition.type === 'function_definition' && name) {
      if (!scope.functions.has(name)) scope.functions.set(name, definition);
    } else if (statement.type === 'expression_statement') {
      const assignment = namedChildren(statement)[0];
      if (assignment?.type !== 'assignment') continue;
      const left = assignment.childForFieldName('left');
      const right = assignment.childForFieldName('right');
      if (left?.type !== 'identifier' || !right) continue;
      if (!scope.assignments.has(left.text)) scope.assignments.set(left.text, right);
      const known = scope.allAssignments.get(left.text) ?? [];
      if (!known.some((value) => value.startIndex === right.startIndex)) scope.allAssignments.set(left.text, [...known, right]);
    } else if (MODULE_LEVEL_BLOCKS.has(statement.type)) {
      collectStatements(statement, scope);
      for (const field of ['consequence', 'alternative', 'body']) {
        for (const child of statement.childrenForFieldName(field)) if (child) collectStatements(child, scope);
      }
    }
  }
}

function collectImport(statement: Node, imports: Map<string, ImportBinding>): void {
  if (statement.type === 'import_statement') {
    for (const item of statement.childrenForFieldName('name')) {
      if (!item) continue;
      if (item.type === 'aliased_import') {
        const alias = item.childForFieldName('alias')?.text;
        const module = item.childForFieldName('name')?.text;
        if (alias && module) imports.set(alias, { module, name: null });
      } else {
        imports.set(item.text.split('.')[0], { module: item.text.split('.')[0], name: null });
      }
    }
    return;
  }
  const module = statement.childForFieldName('module_name')?.text;
  if (!module) return;
  for (const item of statement.childrenForFieldName('name')) {
    if (!item) continue;
    if (item.type === 'aliased_import') {
      const alias = item.childForFieldName('alias')?.text;
      const name = item.childForFieldName('name')?.text;
      if (alias && name) imports.set(alias, { module, name });
    } else {
      imports.set(item.text, { module, name: item.text });
    }
  }
}

/**
 * The repository files a module name may live in, nearest first: relative imports from the
 * file's folder, absolute ones from each enclosing folder (src/ layouts, package roots).
 */
export function moduleCandidates(fromFile: string, module: string): string[] {
  const dirs = fromFile.split('/').slice(0, -1);
  const dots = /^\.*/.exec(module)?.[0].length ?? 0;
  const rest = module.slice(dots).split('.').filter(Boolean);
  const bases: string[][] = [];
  if (dots > 0) {
    if (dots - 1 > dirs.length) return [];
    bases.push(dirs.slice(0, dirs.length - (dots - 1)));
  } else {
    for (let depth = dirs.length; depth >= 0; depth -= 1) bases.push(dirs.slice(0, depth));
  }
  const candidates: string[] = [];
  for (const base of bases) {
    const stem = [...base, ...rest].join('/');
    if (stem) candidates.push(`${stem}.py`);
    candidates.push(stem ? `${stem}/__init__.py` : '__init__.py');
  }
  return candidates;
}

/** The first candidate file of `module` that exists in the repository. */
export function findModuleFile(scope: ModuleScope, module: string): string | null {
  if (!scope.context) return null;
  for (const candidate of moduleCandidates(scope.file.path, module)) {
    if (candidate !== scope.file.path && scope.context.tree.size(candidate) !== null) return candidate;
  }
  return null;
}

/** Most files one lookup may cross: constants imported from constants imported from... */
export const MAX_IMPORT_HOPS = 3;

/**
 * Runs `use` in the scope of the module an imported name comes from. A `from pkg import mod`
 * binding whose name is itself a module gives that module and no symbol.
 */
export function inImportedModule<T>(
  scope: ModuleScope,
  binding: ImportBinding,
  use: (other: ModuleScope, symbol: string | null) => T,
): T | null {
  if (!scope.context || scope.hops >= MAX_IMPORT_HOPS) return null;
  let path: string | null = null;
  let symbol: string | null = binding.name;
  if (binding.name) {
    const submodule = findModuleFile(scope, `${binding.module}${binding.module.endsWith('.') ? '' : '.'}${binding.name}`);
    if (submodule) {
      path = submodule;
      symbol = null;
    }
  }
  path ??= findModuleFile(scope, binding.module);
  if (!path) return null;
  const context = scope.context;
  return context.parseFile(path, (root, file) => use(buildModuleScope(file, root, context, scope.hops + 1), symbol));
}
