import type { DynamicDraft, ExtractContext, ToolDraft } from '../../extractor.ts';
import { isSkippedPath } from '../../files.ts';
import type { SourceTree } from '../../../fetch/source-tree.ts';
import { HINTS } from '../../../model/index.ts';

/** Source text that generates tools from an OpenAPI (or Swagger) document. */
const GENERATOR = /openapi|swagger/i;
const SPEC_FILE = /\.(json|ya?ml)$/i;
const MAX_SPEC_BYTES = 20 * 1024 * 1024;

/** Spec files already listed for a repository: several generator files may point at the same spec. */
const listed = new WeakMap<SourceTree, Set<string>>();

export function generatesFromOpenApi(text: string): boolean {
  return GENERATOR.test(text);
}

/**
 * TS-15: a registration whose names come from an OpenAPI document read at run time. The generator
 * becomes a `dynamic` record; each operation of a spec file kept in the repository becomes a tool
 * of low confidence named after its `operationId`.
 */
export function openApiTools(context: ExtractContext, file: string, line: number, sdk: string): { tools: ToolDraft[]; dynamic: DynamicDraft[] } {
  const specs = specFiles(context);
  const dynamic: DynamicDraft[] = [{
    file, line,
    reason: `openapi: tools are generated at run time from an OpenAPI document${specs.length ? ` (in the repository: ${specs.join(', ')})` : ''}`,
  }];
  let seen = listed.get(context.tree);
  if (!seen) listed.set(context.tree, (seen = new Set()));
  const tools: ToolDraft[] = [];
  for (const spec of specs) {
    if (seen.has(spec)) continue;
    seen.add(spec);
    tools.push(...operations(context.readText(spec) ?? '', spec, sdk));
  }
  return { tools, dynamic };
}

function specFiles(context: ExtractContext): string[] {
  return context.tree.paths().filter((path) => {
    if (!SPEC_FILE.test(path) || isSkippedPath(path) || (context.tree.size(path) ?? Infinity) > MAX_SPEC_BYTES) return false;
    const head = (context.readText(path) ?? '').slice(0, 4000);
    return /(^|\n)\s*["']?(openapi|swagger)["']?\s*:/.test(head) && /operationId/.test(context.readText(path) ?? '');
  });
}

/** The operations of a JSON or YAML spec, read as text: each `operationId` with its summary. */
function operations(text: string, file: string, sdk: string): ToolDraft[] {
  const lines = text.split('\n');
  const tools: ToolDraft[] = [];
  for (let index = 0; index < lines.length; index++) {
    const id = /["']?operationId["']?\s*:\s*["']?([^"',\s}]+)/.exec(lines[index])?.[1];
    if (!id) continue;
    const summary = nearby(lines, index, 'summary') ?? nearby(lines, index, 'description');
    // The generator decides hints (often from the HTTP method); the spec alone does not say.
    tools.push({
      name: id, nameResolved: true, title: null, description: summary, descriptionResolved: summary ? 'full' : 'none',
      inputSchema: null, inputSchemaSource: 'openapi', annotations: null,
      annotationsOrigin: Object.fromEntries(HINTS.map((hint) => [hint, 'absent'])),
      file, line: index + 1, sdk, style: 'openapi-operation', conditions: [], confidence: 0.3, handler: null,
    });
  }
  return tools;
}

/** A string property of the same operation: the nearest one, not crossing another operation. */
function nearby(lines: string[], index: number, key: string): string | null {
  const pattern = new RegExp(`^\\s*["']?${key}["']?\\s*:\\s*["']?(.*?)["']?,?\\s*$`);
  const open = [true, true];
  for (let distance = 1; distance <= 8; distance++) {
    for (const [side, line] of [lines[index - distance], lines[index + distance]].entries()) {
      if (!open[side] || line === undefined) continue;
      if (/operationId|^\s*["']?(get|put|post|delete|patch|head|options|trace)["']?\s*:/i.test(line)) {
        open[side] = false;
        continue;
      }
      const match = pattern.exec(line);
      if (match && match[1]) return match[1].replace(/\\"/g, '"');
    }
  }
  return null;
}
