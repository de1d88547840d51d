import type { ExtractContext, FileExtraction, LanguageExtractor, SourceFile } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { createdTools } from './create-tools.ts';
import { csharpEvaluator } from './evaluate.ts';
import { attributedTools } from './tools.ts';

/** C# MCP servers (`ModelContextProtocol` package): `[McpServerTool]` methods and `McpServerTool.Create`. */
export const csharpExtractor: LanguageExtractor = {
  id: 'csharp',
  grammars: ['csharp'],
  markers: ['McpServerTool'],
  extract(file: SourceFile, root: Node, context: ExtractContext): FileExtraction {
    const evaluator = csharpEvaluator(file.path, root, context);
    const input = { path: file.path, root, evaluator, context };
    const created = createdTools(input);
    return { tools: [...attributedTools(input), ...created.tools], dynamic: created.dynamic, warnings: [] };
  },
};
