import type { ExtractContext, FileExtraction, LanguageExtractor, SourceFile } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { annotatedTools } from './annotated-tools.ts';
import { javaEvaluator } from './evaluate.ts';
import { readImports } from './imports.ts';
import { sdkTools } from './sdk-tools.ts';
import { isMentionedElsewhere, isSpringBootModule, springToolConfidence } from './spring-wiring.ts';

/** Java MCP servers: Quarkus and Spring AI annotations, and the MCP Java SDK's `Tool` values. */
export const javaExtractor: LanguageExtractor = {
  id: 'java',
  grammars: ['java'],
  // Package names too: a fully qualified `@io.quarkiverse.mcp.server.Tool` has no `@Tool` in it.
  markers: ['@Tool', '@McpTool', 'McpSchema', 'io.modelcontextprotocol.spec', 'quarkiverse.mcp.server', 'springframework.ai', 'springaicommunity.mcp'],
  extract(file: SourceFile, root: Node, context: ExtractContext): FileExtraction {
    const imports = readImports(root);
    const evaluator = javaEvaluator(file.path, root, imports, context);
    const input = { path: file.path, root, imports, evaluator };
    const sdk = sdkTools(input);
    const tools = [
      ...annotatedTools({
        ...input,
        springToolConfidence: () => springToolConfidence(context.tree, file.path),
        isMentionedElsewhere: (className, outsideClass) => isMentionedElsewhere(context.tree, file.path, className, outsideClass),
        isSpringBoot: () => isSpringBootModule(context.tree, file.path),
      }),
      ...sdk.tools,
    ];
    return { tools, dynamic: sdk.dynamic, warnings: [] };
  },
};
