import type { ParameterConvention } from './schema.ts';

/** One annotation-driven way of declaring tools on Java methods. */
export interface AnnotationFramework {
  sdk: string;
  style: string;
  /** Simple name of the method annotation. */
  annotation: string;
  /** Packages the annotation is imported from; the import decides (LangChain4j also has a `@Tool`). */
  packages: readonly string[];
  parameters: ParameterConvention;
  /** When `description` is missing, the framework uses the method name. */
  describesWithMethodName: boolean;
  /** Whether hints come from the nested annotation's Java defaults: only when it is written, or always. */
  hintDefaults: 'when-declared' | 'always' | 'never';
}

export const QUARKUS_TOOL: AnnotationFramework = {
  sdk: 'java-quarkus-mcp',
  style: 'quarkus@Tool',
  annotation: 'Tool',
  packages: ['io.quarkiverse.mcp.server'],
  parameters: {
    argAnnotation: 'ToolArg',
    // Quarkus MCP injects these into tool methods (docs.quarkiverse.io, "MCP Annotations").
    injected: new Set([
      'McpConnection', 'McpLog', 'RequestId', 'Progress', 'Roots', 'Sampling', 'Cancellation', 'RawMessage',
      'Elicitation', 'McpRequest', 'ToolCallContext', 'McpMeta', 'Meta', 'ProgressNotification',
    ]),
  },
  describesWithMethodName: false,
  // Quarkus ignores the default value of `annotations`: hints exist only when the author writes it.
  hintDefaults: 'when-declared',
};

export const SPRING_AI_TOOL: AnnotationFramework = {
  sdk: 'java-spring-ai',
  style: 'spring@Tool',
  annotation: 'Tool',
  packages: ['org.springframework.ai.tool.annotation'],
  parameters: { argAnnotation: 'ToolParam', injected: new Set(['ToolContext']) },
  describesWithMethodName: true,
  hintDefaults: 'never',
};

export const SPRING_MCP_TOOL: AnnotationFramework = {
  sdk: 'java-spring-ai',
  style: '@McpTool',
  annotation: 'McpTool',
  packages: ['org.springaicommunity.mcp.annotation', 'org.springframework.ai.mcp.annotation'],
  parameters: {
    argAnnotation: 'McpToolParam',
    // Excluded from the schema by mcp-annotations (README: request context and exchange parameters).
    injected: new Set([
      'McpSyncRequestContext', 'McpAsyncRequestContext', 'McpSyncServerExchange', 'McpAsyncServerExchange',
      'CallToolRequest', 'McpTransportContext', 'McpMeta', 'ToolContext',
    ]),
    injectedAnnotations: new Set(['McpProgressToken']),
  },
  describesWithMethodName: true,
  // `@McpTool.McpAnnotations` is always carried, so unset hints are its Java defaults (reference §1.2).
  hintDefaults: 'always',
};

export const ANNOTATION_FRAMEWORKS = [QUARKUS_TOOL, SPRING_AI_TOOL, SPRING_MCP_TOOL] as const;
