import { assessServer, type ServerAssessment } from '../classify/server/index.ts';
import { classifyTool, type ToolFacts } from '../classify/index.ts';
import { extractRepository } from '../extract/index.ts';
import type { SourceTree } from '../fetch/source-tree.ts';
import type { Classification, DynamicTools, Extraction, Server, Tool } from '../model/index.ts';
import { noServerWarning } from './mcp-dependencies.ts';
import { serverPackages, type ServerPackage } from './packages.ts';
import { namesakesOf, plannedTool, policyExamples, policyNote, serverPolicies, toolPolicies, type PolicyExample, type PolicyFormat } from '../policy/index.ts';

/** Handlers longer than this are cut: the signals we look for sit near the top, and pages stay small. */
const MAX_HANDLER_LINES = 400;

export interface AnalyzedTool {
  tool: Tool;
  classification: Classification;
  /** The tool's policy.json text, formatted (the default format). */
  policy: string;
  /** The tool's policy in every format we emit. */
  policies: Record<PolicyFormat, string>;
  /** Calls each policy allows or denies, as the policy evaluator decides them. */
  examples: PolicyExample[];
  policyNote: string;
}

export interface AnalyzedServer {
  server: Server;
  tools: AnalyzedTool[];
  dynamic: DynamicTools[];
  /** The whole-server policy.json text, formatted. */
  policy: string;
  policies: Record<PolicyFormat, string>;
  assessment: ServerAssessment;
  /** The packages it is published as, as its manifests say. */
  packages: ServerPackage[];
}

export interface Analysis {
  extraction: Extraction;
  servers: AnalyzedServer[];
}

/** The handler's source lines, read as text (never run), when the extractor located them. */
export function handlerCode(tree: SourceTree, tool: Tool): ToolFacts['handlerCode'] {
  if (!tool.handler) return null;
  const text = tree.read(tool.handler.file)?.toString('utf8');
  if (!text) return null;
  const lines = text.split('\n');
  const start = tool.handler.startLine;
  const end = Math.min(tool.handler.endLine, start + MAX_HANDLER_LINES - 1);
  return { file: tool.handler.file, startLine: start, text: lines.slice(start - 1, end).join('\n') };
}

/** Extracts, classifies and writes policies for one repository: everything but storing it. */
export async function analyzeRepository(tree: SourceTree, repoName: string): Promise<Analysis> {
  const extracted = await extractRepository(tree, repoName);
  // A repository without a server says why, so that the catalog shows it and the quality figures count it.
  const extraction = extracted.servers.length > 0 ? extracted : { ...extracted, warnings: [...extracted.warnings, noServerWarning(tree)] };
  const servers = extraction.servers.map((server): AnalyzedServer => {
    const classified = extraction.tools
      .filter((tool) => tool.server === server.path)
      .map((tool) => ({ tool, classification: classifyTool({ tool, handlerCode: handlerCode(tree, tool) }) }));
    const tools = classified.map((entry): AnalyzedTool => {
      const { tool, classification } = entry;
      // A tool's own policy shares its entry with the tools a gateway could take for it.
      const namesakes = namesakesOf(entry, classified);
      const policies = toolPolicies(tool, classification, server.name, namesakes);
      return {
        tool,
        classification,
        policy: policies['policy-json'],
        policies,
        examples: policyExamples(tool, classification, namesakes),
        policyNote: policyNote(tool.name, classification, plannedTool(tool, classification, namesakes).risk),
      };
    });
    const policies = serverPolicies(server.name, classified);
    return {
      server,
      tools,
      dynamic: extraction.dynamic.filter((d) => d.server === server.path),
      policy: policies['policy-json'],
      policies,
      assessment: assessServer(classified),
      packages: serverPackages(tree, server.path),
    };
  });
  return { extraction, servers };
}
