import type { Tool } from '../model/tool.ts';

/** The handler's source lines when the extractor located them; read as text, never run. */
export interface HandlerCode {
  file: string;
  startLine: number;
  text: string;
}

/** Everything the classifier may look at for one tool. */
export interface ToolFacts {
  tool: Tool;
  handlerCode: HandlerCode | null;
}
