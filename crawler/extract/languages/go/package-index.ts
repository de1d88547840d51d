import type { ExtractContext, SourceFile } from '../../extractor.ts';
import { isSkippedPath } from '../../files.ts';
import type { Node } from '../../parser.ts';
import { localPackageDirs } from './local-imports.ts';
import { freeze, type GoSyntax } from './syntax.ts';

/** A function or method declared in a package: where it is, and its parameters. */
export interface GoFunction {
  file: string;
  line: number;
  endLine: number;
  parameters: GoSyntax | undefined;
  /** For a function without parameters: what its final `return` gives (the default path of a getter). */
  result?: GoSyntax;
}

/** What the files of one Go package declare at top level, kept across files of the same directory. */
export interface GoPackage {
  constants: Map<string, GoSyntax>;
  structs: Map<string, GoSyntax>;
  functions: Map<string, GoFunction>;
  methods: Map<string, GoFunction[]>;
  /** The directories of the repository packages the package's files import, by local name. */
  importDirs: Map<string, string>;
  /** Reads another package of the repository (set when the index is built). */
  packageAt?: (dir: string) => GoPackage;
}

// One index per directory and repository run: every file of a package consults the same one.
const cache = new WeakMap<ExtractContext, Map<string, GoPackage>>();

/** Largest number of sibling files read for one package (generated packages can hold thousands). */
const MAX_SIBLINGS = 200;

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function packageName(root: Node): string {
  for (const child of root.namedChildren) {
    if (child?.type === 'package_clause') return child.namedChildren[0]?.text ?? '';
  }
  return '';
}

function emptyPackage(): GoPackage {
  return { constants: new Map(), structs: new Map(), functions: new Map(), methods: new Map(), importDirs: new Map() };
}

function cacheOf(context: ExtractContext): Map<string, GoPackage> {
  let byDir = cache.get(context);
  if (!byDir) cache.set(context, (byDir = new Map()));
  return byDir;
}

function goFilesIn(dir: string, context: ExtractContext): string[] {
  return context.tree
    .paths()
    .filter((path) => dirOf(path) === dir && path.endsWith('.go') && !isSkippedPath(path))
    .slice(0, MAX_SIBLINGS);
}

/** The index of the package `file` belongs to: its own declarations plus those of sibling files. */
export function packageOf(file: SourceFile, root: Node, context: ExtractContext): GoPackage {
  const dir = dirOf(file.path);
  const byDir = cacheOf(context);
  const cached = byDir.get(dir);
  if (cached) return cached;
  const index = emptyPackage();
  index.packageAt = (other) => packageIn(other, context);
  const name = packageName(root);
  addDeclarations(index, root, file.path, context);
  for (const sibling of goFilesIn(dir, context)) {
    if (sibling === file.path) continue;
    context.parseFile(sibling, (siblingRoot) => {
      if (packageName(siblingRoot) === name) addDeclarations(index, siblingRoot, sibling, context);
    });
  }
  byDir.set(dir, index);
  return index;
}

/** The index of the package in `dir` (another package of the same module, e.g. the handlers). */
export function packageIn(dir: string, context: ExtractContext): GoPackage {
  const byDir = cacheOf(context);
  const cached = byDir.get(dir);
  if (cached) return cached;
  const index = emptyPackage();
  index.packageAt = (other) => packageIn(other, context);
  // Set before reading, so packages that import each other do not loop.
  byDir.set(dir, index);
  let name: string | null = null;
  for (const path of goFilesIn(dir, context)) {
    context.parseFile(path, (root) => {
      name ??= packageName(root);
      if (packageName(root) === name) addDeclarations(index, root, path, context);
    });
  }
  byDir.set(dir, index);
  return index;
}

function addDeclarations(index: GoPackage, root: Node, path: string, context: ExtractContext): void {
  for (const [local, dir] of localPackageDirs(path, root, context)) if (!index.importDirs.has(local)) index.importDirs.set(local, dir);
  for (const declaration of root.namedChildren) {
    if (!declaration) continue;
    switch (declaration.type) {
      case 'const_declaration':
      case 'var_declaration':
        addValues(index, declaration);
        break;
      case 'type_declaration':
        for (const spec of declaration.namedChildren) {
          const type = spec?.childForFieldName('type');
          const typeName = spec?.childForFieldName('name')?.text;
          if (spec?.type === 'type_spec' && type?.type === 'struct_type' && typeName) index.structs.set(typeName, freeze(type));
        }
        break;
      case 'function_declaration': {
        const fnName = declaration.childForFieldName('name')?.text;
        if (fnName) index.functions.set(fnName, functionOf(declaration, path));
        break;
      }
      case 'method_declaration': {
        const methodName = declaration.childForFieldName('name')?.text;
        if (!methodName) break;
        const list = index.methods.get(methodName) ?? [];
        list.push(functionOf(declaration, path));
        index.methods.set(methodName, list);
        break;
      }
    }
  }
}

function addValues(index: GoPackage, declaration: Node): void {
  const specs = declaration.descendantsOfType(['const_spec', 'var_spec']);
  for (const spec of specs) {
    if (!spec) continue;
    const names = spec.childrenForFieldName('name').filter((n): n is Node => n !== null);
    const values = spec.childForFieldName('value')?.namedChildren.filter((n): n is Node => n !== null) ?? [];
    names.forEach((nameNode, i) => {
      if (values[i] && !index.constants.has(nameNode.text)) index.constants.set(nameNode.text, freeze(values[i]));
    });
  }
}

function functionOf(declaration: Node, path: string): GoFunction {
  const parameters = declaration.childForFieldName('parameters');
  const fn: GoFunction = {
    file: path,
    line: declaration.startPosition.row + 1,
    endLine: declaration.endPosition.row + 1,
    parameters: parameters ? freeze(parameters) : undefined,
  };
  const body = declaration.childForFieldName('body');
  const list = body?.namedChildren.find((n) => n?.type === 'statement_list') ?? body;
  const statements = list?.namedChildren.filter((n) => n && n.type !== 'comment') ?? [];
  const last = statements[statements.length - 1];
  const returned = last?.type === 'return_statement' ? last.namedChildren[0] : null;
  const values = returned?.type === 'expression_list' ? returned.namedChildren : returned ? [returned] : [];
  if (parameters?.namedChildren.length === 0 && values.length === 1 && values[0]) fn.result = freeze(values[0]);
  return fn;
}
