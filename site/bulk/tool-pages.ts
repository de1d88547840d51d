import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCatalog } from '../../crawler/store/open.ts';
import { eachServerPage, type ToolPage } from '../src/lib/catalog.ts';
import { isServerSlug, isSlug } from '../../crawler/store/slug.ts';
import { renderServerPage } from '../src/render/server-page.ts';
import { renderToolPage } from '../src/render/tool-page.ts';

/**
 * Writes every server page (`servers/<server>/index.html`), every tool page
 * (`tools/<server>/<tool>/index.html`) and its JSON export (`api/tools/<server>/<tool>.json`) with
 * template strings, one server at a time. At catalog scale these are nearly all the pages; Astro
 * would hold every page's props at once and spend milliseconds of CPU per page (bench/site/README.md),
 * so they are written here, in worker threads, in parallel with the Astro build of the other pages.
 * `part`/`parts` split the servers between writers. Slugs become folder names: buildSite refuses a
 * catalog holding one that is not safe (lib/catalog.ts unservableSlugs), and this writer checks again.
 */
export function writeToolPages(dbFile: string, outDir: string, part = 0, parts = 1): { pages: number; serverPages: number } {
  const db = openCatalog(dbFile, { readonly: true });
  let pages = 0;
  let serverPages = 0;
  try {
    for (const { page: server, tools } of eachServerPage(db, part, parts)) {
      const serverSlug = folderName(server.server.slug, isServerSlug);
      const serverDir = join(outDir, 'servers', serverSlug);
      mkdirSync(serverDir, { recursive: true });
      writeFileSync(join(serverDir, 'index.html'), renderServerPage(server));
      serverPages++;
      if (server.tools.length > 0) mkdirSync(join(outDir, 'api', 'tools', serverSlug), { recursive: true });
      for (const page of tools) {
        const dir = join(outDir, 'tools', serverSlug, folderName(page.tool.slug, isSlug));
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'index.html'), renderToolPage(page));
        writeFileSync(join(outDir, 'api', 'tools', serverSlug, `${page.tool.slug}.json`), `${JSON.stringify(toolJson(page), null, 2)}\n`);
        pages++;
      }
    }
  } finally {
    db.close();
  }
  return { pages, serverPages };
}

function folderName(slug: string, isSafe: (slug: string) => boolean): string {
  if (!isSafe(slug)) throw new Error(`slug ${JSON.stringify(slug)} cannot be a folder name`);
  return slug;
}

/** The JSON export of a tool: the page's data without presentation. */
export function toolJson(page: ToolPage) {
  const { server, tool, classification, findings, policies, annotations, parameters } = page;
  return {
    server: { slug: server.slug, name: server.name, repository: server.repository.fullName, url: server.repository.url, commit: server.repository.commit, path: server.path, language: server.language, sdk: server.sdk },
    tool: { slug: tool.slug, name: tool.name, title: tool.title, description: tool.description, file: tool.file, line: tool.line, source: tool.sourceUrl, extractionConfidence: tool.extractionConfidence },
    parameters: parameters.parameters,
    annotations: annotations.map(({ hint, declared, origin, effective, contradiction }) => ({ hint, declared, origin, effective, contradiction })),
    classification: classification && {
      category: classification.category, policyLayerCategory: classification.policyLayerCategory, risk: classification.risk ?? classification.riskText,
      tags: classification.tags, confidence: classification.confidence, rules: classification.rules, rationale: classification.rationale, policyNote: classification.policyNote,
    },
    findings: findings.map((finding) => ({ rule: finding.rule, message: finding.message, category: finding.category, risk: finding.risk, tags: finding.tags,
      evidence: finding.evidence.map((e) => (e.kind === 'text' ? { kind: e.kind, field: e.field, quote: e.full } : { kind: e.kind, file: e.file, line: e.line, quote: e.full, url: e.url })) })),
    policies: Object.fromEntries(policies.map((policy) => [policy.format, { text: policy.text, examples: policy.examples }])),
  };
}
