import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractRepository } from '../../crawler/extract/index.ts';
import { localTree, memoryTree } from '../../crawler/fetch/source-tree.ts';
import type { Tool } from '../../crawler/model/index.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

async function toolsOf(name: string): Promise<Map<string, Tool>> {
  const extraction = await extractRepository(localTree(fixture(name)), name);
  return new Map(extraction.tools.map((tool) => [tool.name, tool]));
}

describe('Java extraction', () => {
  it('reads MCP Java SDK tools built with new McpSchema.Tool and a JSON text block (JV-01)', async () => {
    const tools = await toolsOf('java-sdk-tool-constructor');
    expect([...tools.keys()]).toEqual(['echo', 'delete_file']);
    const echo = tools.get('echo')!;
    expect(echo).toMatchObject({ description: 'Echoes the message back', descriptionResolved: 'full', line: 21, sdk: 'java-mcp-sdk' });
    expect(echo.inputSchema).toEqual({ type: 'object', properties: { message: { type: 'string' } }, required: ['message'] });
    const remove = tools.get('delete_file')!;
    expect(remove.inputSchema?.required).toEqual(['path']);
    expect(remove.annotations).toEqual({ title: 'Delete file', readOnlyHint: false, destructiveHint: true, openWorldHint: false });
    expect(remove.annotationsOrigin).toMatchObject({ destructiveHint: 'explicit', idempotentHint: 'absent' });
  });

  it('reads Tool.builder chains of SDK 1.x and 2.0, with constants as names (JV-02)', async () => {
    const tools = await toolsOf('java-sdk-tool-builder');
    expect(tools.get('calculator')).toMatchObject({ description: 'Basic calculator', nameResolved: true, line: 15, inputSchema: null });
    const search = tools.get('search_docs')!;
    expect(search).toMatchObject({ title: 'Search the docs', description: 'Searches the documentation', line: 21 });
    expect(search.inputSchema).toEqual({ type: 'object', properties: { query: { type: 'string' } } });
    expect(search.annotations).toEqual({ readOnlyHint: true, openWorldHint: false });
    expect(search.annotationsOrigin.destructiveHint).toBe('absent');
  });

  it('names a Spring AI @Tool after its method and describes it with the method name when nothing is given (JV-03)', async () => {
    const tools = await toolsOf('java-spring-tool-default-name');
    const alerts = tools.get('getAlerts')!;
    expect(alerts).toMatchObject({ description: 'Get weather alerts for a US state', line: 11, style: 'spring@Tool', sdk: 'java-spring-ai' });
    expect(alerts.inputSchema).toEqual({
      type: 'object',
      properties: { state: { type: 'string', description: 'Two-letter US state code' } },
      required: ['state'],
    });
    const forecast = tools.get('forecast')!;
    expect(forecast.description).toBe('getForecast');
    expect(forecast.inputSchema?.required).toEqual(['latitude', 'longitude']);
    expect(Object.keys(forecast.inputSchema?.properties as object)).toEqual(['latitude', 'longitude', 'days']);
    // MethodToolCallbackProvider wires the bean into the MCP server.
    expect(forecast.confidence).toBeGreaterThanOrEqual(0.9);
    expect(forecast.annotations).toBeNull();
  });

  it('keeps Spring AI @Tool methods at lower confidence when nothing wires them to MCP', async () => {
    const source = `import org.springframework.ai.tool.annotation.Tool;
class Clock { @Tool(description = "Current time") String now() { return ""; } }`;
    const extraction = await extractRepository(memoryTree('chat-app', { 'src/Clock.java': source }), 'chat-app');
    expect(extraction.tools.map((tool) => [tool.name, tool.confidence])).toEqual([['now', 0.5]]);
  });

  it('fills unset @McpTool hints from the annotation defaults, marked sdk-default (JV-04)', async () => {
    const tools = await toolsOf('java-spring-mcp-tool-annotations');
    const area = tools.get('calculate-area')!;
    expect(area).toMatchObject({ title: 'Rectangle Area Calculator', description: 'Calculate the area of a rectangle', line: 9, style: '@McpTool' });
    expect(area.annotations).toEqual({ readOnlyHint: true, destructiveHint: true, idempotentHint: false, openWorldHint: true });
    expect(area.annotationsOrigin).toEqual({
      readOnlyHint: 'explicit',
      destructiveHint: 'sdk-default',
      idempotentHint: 'sdk-default',
      openWorldHint: 'sdk-default',
    });
    expect(Object.keys(area.inputSchema?.properties as object)).toEqual(['width', 'height']);
    expect(area.inputSchema?.required).toEqual(['width']);
    expect(tools.get('reset')).toMatchObject({ description: 'reset', line: 18 });
  });

  it('finds Quarkus @Tool methods and ignores LangChain4j @Tool (JV-05)', async () => {
    const tools = await toolsOf('java-quarkus-tool-not-langchain4j');
    expect([...tools.keys()]).toEqual(['read_query', 'drop_table']);
    const read = tools.get('read_query')!;
    expect(read).toMatchObject({ description: 'Execute a SELECT query on the jdbc database', line: 14, sdk: 'java-quarkus-mcp', style: 'quarkus@Tool' });
    expect(read.inputSchema).toEqual({
      type: 'object',
      properties: { query: { type: 'string', description: 'SELECT SQL query to execute' } },
      required: ['query'],
    });
    expect(read.annotations).toBeNull();
    expect(read.annotationsOrigin.readOnlyHint).toBe('absent');
  });

  it('strips the incidental indentation of text blocks and reads Quarkus hints and optional arguments', async () => {
    const drop = (await toolsOf('java-quarkus-tool-not-langchain4j')).get('drop_table')!;
    expect(drop.description).toBe('Drop a table.\n  Cannot be undone.\n');
    expect(drop.annotations).toEqual({ readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true });
    expect(drop.annotationsOrigin).toMatchObject({ destructiveHint: 'explicit', idempotentHint: 'sdk-default' });
    expect(drop.inputSchema?.required).toEqual(['table', 'tags']);
    expect(drop.inputSchema?.properties).toMatchObject({ cascade: { type: 'boolean' }, tags: { type: 'array', items: { type: 'string' } } });
    expect(drop.handler).toMatchObject({ startLine: 19 });
  });

  it('recognises Quarkus @Tool imported with a wildcard or written fully qualified', async () => {
    const files = {
      'Wild.java': `import io.quarkiverse.mcp.server.*;
class Wild { @Tool(description = "Wildcard") String wild() { return ""; } }`,
      'Qualified.java': `class Qualified { @io.quarkiverse.mcp.server.Tool(description = "Qualified") String qualified() { return ""; } }`,
      'Unknown.java': `class Unknown { @Tool(description = "Whose Tool?") String unknown() { return ""; } }`,
    };
    const extraction = await extractRepository(memoryTree('imports', files), 'imports');
    expect(extraction.tools.map((tool) => tool.name)).toEqual(['qualified', 'wild']);
  });

  it('resolves a constant of another class of the repository', async () => {
    const files = {
      'src/demo/Texts.java': 'package demo; public class Texts { public static final String READ = "Reads " + "things"; }',
      'src/demo/Tools.java': `package demo;
import io.quarkiverse.mcp.server.Tool;
class Tools { @Tool(description = Texts.READ) String read() { return ""; } }`,
    };
    const extraction = await extractRepository(memoryTree('consts', files), 'consts');
    expect(extraction.tools[0]).toMatchObject({ name: 'read', description: 'Reads things', descriptionResolved: 'full' });
  });

  it('keeps the source text of a description it cannot resolve, and says so', async () => {
    const source = `import io.quarkiverse.mcp.server.Tool;
class Tools { @Tool(description = "Lists " + Config.load()) String list() { return ""; } }`;
    const extraction = await extractRepository(memoryTree('partial', { 'Tools.java': source }), 'partial');
    expect(extraction.tools[0]).toMatchObject({ description: 'Lists ${Config.load()}', descriptionResolved: 'partial' });
  });

  it('survives broken and deeply nested files without losing the others', async () => {
    const deep = `import io.quarkiverse.mcp.server.Tool;
class Deep { @Tool(description = ${Array.from({ length: 3000 }, () => '"a"').join(' + ')}) String deep() { return ""; } }`;
    const files = {
      'Broken.java': 'import io.quarkiverse.mcp.server.Tool; class Broken { @Tool(description = "x" String oops( {',
      'Deep.java': deep,
      'Good.java': `import io.quarkiverse.mcp.server.Tool;
class Good { @Tool(description = "Fine") String fine() { return ""; } }`,
    };
    const extraction = await extractRepository(memoryTree('robust', files), 'robust');
    expect(extraction.tools.map((tool) => tool.name)).toContain('fine');
    expect(extraction.tools.find((tool) => tool.name === 'deep')?.descriptionResolved).toBe('partial');
  });
});

describe('Java helpers, collection schemas and conditions', () => {
  it('expands a helper that builds new McpSchema.Tool from its parameters at each call site', async () => {
    const tools = await toolsOf('java-sdk-tool-helper-map-schema');
    expect([...tools.keys()]).toEqual(['git_status', 'git_commit', 'search_log']);
    const commit = tools.get('git_commit')!;
    expect(commit).toMatchObject({ description: 'Records changes to the repository', line: 20, style: 'new McpSchema.Tool via tool', nameResolved: true });
    expect(commit.inputSchema).toEqual({
      type: 'object',
      properties: { message: { type: 'string', description: 'Commit message' } },
      required: ['message'],
      additionalProperties: false,
    });
  });

  it('reads schemas written with Map.of, Map.ofEntries and List.of', async () => {
    const search = (await toolsOf('java-sdk-tool-helper-map-schema')).get('search_log')!;
    expect(search.inputSchema).toEqual({
      type: 'object',
      properties: { query: { type: 'string' }, limit: { type: 'integer', minimum: 1 } },
      required: ['query'],
    });
    expect(search.inputSchemaSource).toBe('json-literal');
  });

  it('records @ConditionalOnProperty and @IfBuildProperty on the bean class as conditions', async () => {
    const tools = await toolsOf('java-spring-quarkus-conditional-tools');
    expect(tools.get('drop_cache')!.conditions).toEqual([{ kind: 'feature-toggle', expr: 'mcp.tools.admin=true' }]);
    expect(tools.get('run_command')!.conditions).toEqual([{ kind: 'feature-toggle', expr: 'shell.enabled=true' }]);
    expect(tools.get('status')!.conditions).toEqual([]);
  });
});

describe('Spring beans and modules', () => {
  it('leaves out @McpTool methods of a Spring Boot class that is no bean (its @Service commented out)', async () => {
    const extraction = await extractRepository(localTree(fixture('java-spring-mcp-tool-unregistered-bean')), 'providers');
    expect(extraction.tools.map((tool) => [tool.name, tool.description])).toEqual([['ping', 'Answers pong']]);
  });

  it('judges Spring AI @Tool wiring per build module, not per repository', async () => {
    const tool = (name: string) => `import org.springframework.ai.tool.annotation.Tool;\nclass ${name} { @Tool(description = "d") String ${name.toLowerCase()}() { return ""; } }`;
    const extraction = await extractRepository(
      memoryTree('examples', {
        'mcp-server/pom.xml': '<project><artifactId>spring-ai-starter-mcp-server</artifactId></project>',
        'mcp-server/src/main/java/Weather.java': `${tool('Weather')}\nclass Config { Object p = MethodToolCallbackProvider.builder(); }`,
        'chat-app/pom.xml': '<project><artifactId>spring-ai-starter-model-openai</artifactId></project>',
        'chat-app/src/main/java/Clock.java': tool('Clock'),
      }),
      'examples',
    );
    expect(extraction.tools.map((found) => [found.name, found.confidence])).toEqual([
      ['clock', 0.5],
      ['weather', 0.95],
    ]);
  });
});

describe('Java tools generated at run time', () => {
  it('records a Tool.builder named by a variable computed in a lambda as dynamic, not as a tool', async () => {
    const source = `import io.modelcontextprotocol.spec.McpSchema;
class Provider {
  java.util.List<McpSchema.Tool> tools(java.util.List<java.lang.reflect.Method> methods) {
    return methods.stream().map(method -> {
      String toolName = method.getName();
      return McpSchema.Tool.builder().name(toolName).description("d").build();
    }).toList();
  }
}`;
    const extraction = await extractRepository(memoryTree('provider', { 'src/Provider.java': source }), 'provider');
    expect(extraction.tools).toEqual([]);
    expect(extraction.dynamic.map((record) => record.line)).toEqual([6]);
  });
});
