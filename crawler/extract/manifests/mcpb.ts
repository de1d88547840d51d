import { z } from 'zod';
import type { SourceTree } from '../../fetch/source-tree.ts';
import type { ExtractionWarning } from '../../model/index.ts';
import type { DynamicDraft, ToolDraft } from '../extractor.ts';
import { isSkippedPath } from '../files.ts';

/** The part of an MCPB (formerly DXT) manifest that lists tools (modelcontextprotocol/mcpb MANIFEST.md). */
const McpbManifest = z.object({
  manifest_version: z.string().optional(),
  dxt_version: z.string().optional(),
  tools: z.array(z.object({ name: z.string().min(1), description: z.string().optional() }).passthrough()).optional(),
  tools_generated: z.boolean().optional(),
});

export interface ManifestExtraction {
  tools: ToolDraft[];
  dynamic: DynamicDraft[];
  warnings: ExtractionWarning[];
}

/** The 1-based line of a tool's `"name": "<name>"` entry, or the first line. */
function lineOf(text: string, name: string): number {
  const needle = `"name"`;
  const encoded = JSON.stringify(name);
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.includes(needle) && line.includes(encoded));
  return index >= 0 ? index + 1 : 1;
}

/**
 * Tools listed in MCPB/DXT `manifest.json` files: names and descriptions only, lower confidence than
 * code. `tools_generated: true` means more tools appear at run time, recorded as a dynamic record.
 */
export function extractManifests(tree: SourceTree): ManifestExtraction {
  const result: ManifestExtraction = { tools: [], dynamic: [], warnings: [] };
  for (const path of tree.paths()) {
    if (!/(^|\/)manifest\.json$/.test(path) || isSkippedPath(path)) continue;
    const text = tree.read(path)?.toString('utf8');
    if (!text || !/"(manifest_version|dxt_version)"/.test(text)) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      result.warnings.push({ file: path, message: `manifest.json is not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    const parsed = McpbManifest.safeParse(raw);
    if (!parsed.success) {
      result.warnings.push({ file: path, message: `manifest.json tools not readable: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
      continue;
    }
    for (const tool of parsed.data.tools ?? []) {
      result.tools.push({
        name: tool.name, nameResolved: true, title: null, description: tool.description ?? null,
        descriptionResolved: tool.description ? 'full' : 'none', inputSchema: null, annotations: null, annotationsOrigin: {},
        file: path, line: lineOf(text, tool.name), sdk: 'mcpb-manifest', style: 'manifest.json tools', conditions: [],
        confidence: 0.4, handler: null, origin: 'manifest',
      });
    }
    if (parsed.data.tools_generated) {
      result.dynamic.push({ file: path, line: 1, reason: 'manifest.json declares tools_generated: the server adds tools at run time' });
    }
  }
  return result;
}
