import type { ExtractionWarning } from '../../../model/index.ts';
import type { ExtractContext, FileExtraction, LanguageExtractor, SourceFile } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { Evaluator } from './evaluate.ts';
import { MARKERS, mcpImports, packageDependsOnMcp, sdkOf } from './mcp-imports.ts';
import { Program } from './program.ts';
import { findRegistrations } from './registrations.ts';
import { toToolDraft } from './tool-draft.ts';
import { wrapperCatalog } from './wrappers.ts';
import { generatesFromOpenApi, openApiTools } from './openapi.ts';

/**
 * TypeScript and JavaScript MCP servers: `@modelcontextprotocol/sdk` (`tool`, `registerTool`,
 * `registerToolTask`, low-level `tools/list` handlers), punkpeye `fastmcp` (`addTool`), and tool
 * objects registered in loops.
 */
export const typescriptExtractor: LanguageExtractor = {
  id: 'typescript',
  grammars: ['typescript', 'tsx', 'javascript'],
  markers: MARKERS,
  extract,
};

function extract(file: SourceFile, root: Node, context: ExtractContext): FileExtraction {
  const imports = mcpImports(file.text);
  const imported = imports.length > 0;
  if (!imported && !packageDependsOnMcp(context, file.path) && !wrapperCatalog(context).callerFiles.has(file.path)) return { tools: [], dynamic: [], warnings: [] };
  const warnings: ExtractionWarning[] = [];
  if (root.hasError) warnings.push({ file: file.path, message: 'typescript: syntax errors; tools were read from the parts that parse' });
  const program = new Program(context, file, root);
  try {
    const evaluator = new Evaluator(program);
    const found = findRegistrations(evaluator, { mod: program.main, sdk: sdkOf(imports), imported });
    const tools = found.tools.map((parts) => toToolDraft(evaluator, parts));
    const dynamic = found.dynamic;
    if (!generatesFromOpenApi(file.text)) return { tools, dynamic, warnings };
    // Names computed from an OpenAPI document: the generator is dynamic, the spec's operations are the tools.
    const kept = tools.filter((tool) => tool.nameResolved);
    for (const tool of tools.filter((candidate) => !candidate.nameResolved)) {
      const generated = openApiTools(context, tool.file, tool.line, tool.sdk);
      kept.push(...generated.tools);
      dynamic.push(...generated.dynamic);
    }
    return { tools: kept, dynamic, warnings };
  } finally {
    program.dispose();
  }
}
