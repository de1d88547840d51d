import { emptyExtraction, type ExtractContext, type FileExtraction, type LanguageExtractor, type SourceFile } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { callTools } from './call-tools.ts';
import { compositions } from './composition.ts';
import { decoratorTools } from './decorator-tools.ts';
import { buildModuleScope, type ModuleScope } from './module-scope.ts';
import { toolObjects } from './tool-objects.ts';
import { uncalledWrappers, wrapperCalls } from './wrappers.ts';

/** Deepest tree we walk; generated or hostile files nest far beyond any real server. */
const MAX_TREE_DEPTH = 400;

function tooDeep(root: Node): boolean {
  const cursor = root.walk();
  try {
    let depth = 0;
    for (;;) {
      if (cursor.gotoFirstChild()) {
        depth += 1;
        if (depth > MAX_TREE_DEPTH) return true;
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return false;
        depth -= 1;
      }
    }
  } finally {
    cursor.delete();
  }
}

/**
 * Python servers on the official `mcp` SDK (FastMCP/MCPServer decorators and calls, low-level
 * `Tool(...)` lists) and on jlowin `fastmcp`. Read statically: nothing is imported or run.
 */
/** Top-level packages that are the SDKs themselves: their own modules define the API, not a server. */
const SDK_PACKAGES = new Set(['mcp', 'fastmcp']);

/**
 * True for a file inside the `mcp` or `fastmcp` package itself (a checkout of an SDK): its
 * `def tool(self, name...)` and internal Tool objects are the API, not tools. A project cannot
 * have a top-level package of that name and import the SDK too, so this never hides a server.
 */
function insideSdkPackage(path: string, context: ExtractContext): boolean {
  const dirs = path.split('/').slice(0, -1);
  return dirs.some((dir, index) => {
    if (!SDK_PACKAGES.has(dir)) return false;
    const parent = dirs.slice(0, index).join('/');
    const init = [...dirs.slice(0, index + 1), '__init__.py'].join('/');
    return context.tree.size(init) !== null && context.tree.size(parent ? `${parent}/__init__.py` : '__init__.py') === null;
  });
}

function extract(file: SourceFile, root: Node, context: ExtractContext): FileExtraction {
  const out = emptyExtraction();
  if (insideSdkPackage(file.path, context)) return out;
  if (tooDeep(root)) {
    out.warnings.push({ file: file.path, message: `python: nesting deeper than ${MAX_TREE_DEPTH} levels; not read` });
    return out;
  }
  if (root.hasError) out.warnings.push({ file: file.path, message: 'python: syntax errors; tools were read from the parts that parse' });
  const scope = buildModuleScope(file, root, context);
  collect(scope, out, root, 0);
  uncalledWrappers(scope, out);
  for (const node of scope.generated) {
    out.dynamic.push({ file: file.path, line: node.startPosition.row + 1, reason: `a helper registers one tool per item of a loop, named at run time (${node.text})` });
  }
  return out;
}

/** Every registration under `within`, and the tools of wrappers called there. */
function collect(scope: ModuleScope, out: FileExtraction, within: Node, depth: number): void {
  decoratorTools(scope, out, within);
  callTools(scope, out, within);
  toolObjects(scope, out, within);
  compositions(scope, out, within);
  wrapperCalls(scope, out, within, depth, collect);
}

export const pythonExtractor: LanguageExtractor = {
  id: 'python',
  grammars: ['python'],
  // Files that only call a wrapper still name the server: they build it or pass it along.
  markers: ['.tool', 'add_tool', 'Tool(', 'from_function', 'from_tool', 'from_openapi', 'from_fastapi', 'FastMCP', 'MCPServer', '(mcp', 'mount(', 'import_server('],
  extract,
};
