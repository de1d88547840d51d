import type { ExtractContext, FileExtraction, LanguageExtractor, SourceFile } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { csharpEvaluator } from './evaluate.ts';
import { attributedTools } from './tools.ts';

/** C# MCP servers (`ModelContextProtocol` package): `[McpServerTool]` methods. */
export const csharpExtractor: LanguageExtractor = {
  id: 'csharp',
  grammars: ['csharp'],
  markers: ['McpServerTool'],
  extract(file: SourceFile, root: Node, context: ExtractContext): FileExtraction {
    const evaluator = csharpEvaluator(file.path, root, context);
    return { tools: attributedTools({ path: file.path, root, evaluator, context }), dynamic: [], warnings: [] };
  },
};
