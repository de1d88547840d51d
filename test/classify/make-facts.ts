import type { ToolFacts } from '../../crawler/classify/index.ts';
import type { Tool } from '../../crawler/model/tool.ts';

export interface FactsInput {
  name: string;
  description?: string | null;
  annotations?: Record<string, unknown> | null;
  params?: Record<string, string>;
  code?: string;
  file?: string;
}

/** Facts for a tool as an extractor would report them; annotations count as set by the author. */
export function makeFacts(input: FactsInput): ToolFacts {
  const annotations = input.annotations ?? null;
  const properties = Object.fromEntries(Object.entries(input.params ?? {}).map(([name, description]) => [name, { type: 'string', description }]));
  const tool: Tool = {
    server: '.',
    name: input.name,
    nameResolved: true,
    title: null,
    description: input.description ?? null,
    descriptionResolved: input.description ? 'full' : 'none',
    inputSchema: input.params ? { type: 'object', properties } : null,
    annotations,
    annotationsOrigin: Object.fromEntries(Object.keys(annotations ?? {}).map((key) => [key, 'explicit' as const])),
    file: input.file ?? 'src/server.ts',
    line: 10,
    sdk: 'typescript',
    style: 'registerTool',
    conditions: [],
    confidence: 1,
    handler: null,
  };
  const handlerCode = input.code ? { file: input.file ?? 'src/server.ts', startLine: 20, text: input.code } : null;
  return { tool, handlerCode };
}
