import type { Catalog } from './open.ts';

/** One tool of the catalog as exported: where it is, what it is, how it was classified, its policy. */
export interface ExportedTool {
  server: string;
  repository: string;
  repositoryUrl: string | null;
  commit: string | null;
  tool: string;
  slug: string;
  title: string | null;
  description: string | null;
  file: string;
  line: number;
  sdk: string;
  category: string;
  policyLayerCategory: string;
  risk: string;
  tags: string[];
  confidence: number;
  rules: string[];
  rationale: string;
  annotations: unknown;
  inputSchema: unknown;
  policy: unknown;
}

/** Every classified tool, in a stable order (server slug, tool slug). */
export function* exportTools(db: Catalog): Generator<ExportedTool> {
  const rows = db.prepare(
    `SELECT s.slug AS server, r.full_name AS repository, r.url AS repositoryUrl, r.commit_sha AS "commit",
            t.name AS tool, t.slug, t.title, t.description, t.file, t.line, t.sdk,
            c.category, c.policylayer_category AS policyLayerCategory, c.risk, c.tags, c.confidence, c.rules, c.rationale,
            t.annotations, t.input_schema AS inputSchema, c.policy
       FROM tools t JOIN servers s ON s.id = t.server_id JOIN repositories r ON r.id = s.repo_id
       JOIN classifications c ON c.tool_id = t.id
      ORDER BY s.slug, t.slug`,
  );
  const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));
  for (const row of rows.iterate() as Iterable<Record<string, unknown>>) {
    yield {
      ...(row as unknown as ExportedTool),
      tags: parse(row.tags as string) as string[],
      rules: parse(row.rules as string) as string[],
      annotations: parse(row.annotations as string | null),
      inputSchema: parse(row.inputSchema as string | null),
      policy: parse(row.policy as string),
    };
  }
}
