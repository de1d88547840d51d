import type { Command } from 'commander';
import { POLICY_FORMATS, type PolicyFormat } from '../../policy/index.ts';
import { withCatalog, type Catalog } from '../../store/open.ts';
import { InputError, UsageError } from '../errors.ts';
import { catalogPath } from '../options.ts';

const FORMATS: readonly string[] = POLICY_FORMATS;

interface Match {
  label: string;
  policy: string;
}

/** Finds a server by slug or name, or a tool by `server/tool` slug or by name. */
function findPolicies(db: Catalog, query: string, format: PolicyFormat): Match[] {
  const servers = db.prepare(
    `SELECT s.slug, p.text AS policy FROM servers s JOIN server_policies p ON p.server_id = s.id AND p.format = ?
      WHERE s.slug = ? OR s.name = ? ORDER BY s.slug`,
  ).all(format, query, query) as { slug: string; policy: string }[];
  if (servers.length > 0) return servers.map((s) => ({ label: `server ${s.slug}`, policy: s.policy }));
  const [serverPart, toolPart] = query.includes('/') ? [query.slice(0, query.lastIndexOf('/')), query.slice(query.lastIndexOf('/') + 1)] : [null, query];
  const tools = db.prepare(
    `SELECT s.slug AS server, t.slug AS tool, p.text AS policy
       FROM tools t JOIN servers s ON s.id = t.server_id JOIN tool_policies p ON p.tool_id = t.id AND p.format = ?
      WHERE (? IS NULL OR s.slug = ?) AND (t.slug = ? OR t.name = ?) ORDER BY s.slug, t.slug`,
  ).all(format, serverPart, serverPart, toolPart, toolPart) as { server: string; tool: string; policy: string }[];
  return tools.map((t) => ({ label: `tool ${t.server}/${t.tool}`, policy: t.policy }));
}

export function registerPolicy(program: Command): void {
  program
    .command('policy')
    .description('print the recommended policy of a tool or a whole server from the catalog')
    .argument('<tool-or-server>', 'a server slug or name, a tool name, or SERVER_SLUG/TOOL')
    .option('--format <F>', `policy format: ${FORMATS.join(', ')}`, 'policy-json')
    .option('--db <FILE>', 'catalog database (default: $MCP_RISK_DB or data/catalog.sqlite)')
    .action((query: string, options: { format: string; db?: string }) => {
      if (!FORMATS.includes(options.format)) throw new UsageError(`--format: unknown format "${options.format}"; expected ${FORMATS.join(', ')}`);
      return withCatalog(catalogPath(options.db), { readonly: true }, (db) => {
        const matches = findPolicies(db, query, options.format as PolicyFormat);
        if (matches.length === 0) throw new InputError(`no server or tool named "${query}" in the catalog`);
        if (matches.length > 1) {
          throw new InputError(`"${query}" names ${matches.length} entries; give one of:\n${matches.map((m) => `  ${m.label.replace(/^(tool|server) /, '')}`).join('\n')}`);
        }
        process.stdout.write(matches[0].policy);
      });
    });
}
