import type { ExtractContext, FileExtraction, LanguageExtractor, SourceFile } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { kotlinEvaluator } from './evaluate.ts';
import { kotlinTools } from './tools.ts';

/** Kotlin MCP servers (`io.modelcontextprotocol:kotlin-sdk`): `addTool` and `RegisteredTool` registrations. */
export const kotlinExtractor: LanguageExtractor = {
  id: 'kotlin',
  grammars: ['kotlin'],
  markers: ['addTool', 'RegisteredTool'],
  extract(file: SourceFile, root: Node, context: ExtractContext): FileExtraction {
    // `addTool` is a common name: only files that use the MCP Kotlin SDK count.
    if (!file.text.includes('io.modelcontextprotocol')) return { tools: [], dynamic: [], warnings: [] };
    const evaluator = kotlinEvaluator(file.path, root, context);
    return { ...kotlinTools({ path: file.path, root, evaluator }), warnings: [] };
  },
};
