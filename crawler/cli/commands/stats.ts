import type { Command } from 'commander';
import { qualityFigures } from '../../eval/quality.ts';
import { formatQuality } from '../../eval/quality-text.ts';
import { RISKS } from '../../model/index.ts';
import { withCatalog } from '../../store/open.ts';
import { catalogPath, printJson } from '../options.ts';
import { visible } from '../terminal-text.ts';

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('summarize the catalog: counts per risk and category, the last crawl')
    .option('--db <FILE>', 'catalog database (default: $MCP_RISK_DB or data/catalog.sqlite)')
    .option('--quality', 'label-free quality figures instead: servers per repository, servers with no tool and why, unknown and low-confidence rates, extraction warnings, our categories beside PolicyLayer\'s, the servers with the most tools to review')
    .option('--json', 'print the summary as JSON on stdout')
    .action((options: { db?: string; json?: boolean; quality?: boolean }) =>
      withCatalog(catalogPath(options.db), { readonly: true }, (db) => {
        if (options.quality) {
          const figures = qualityFigures(db);
          if (options.json) return printJson(figures);
          // Server names and reasons are crawled text; the line breaks are ours.
          return console.log(formatQuality(figures).split('\n').map(visible).join('\n'));
        }
        const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
        const grouped = (column: string): Record<string, number> =>
          Object.fromEntries((db.prepare(`SELECT ${column} AS k, count(*) AS n FROM classifications GROUP BY ${column} ORDER BY ${column}`).all() as { k: string; n: number }[]).map((r) => [r.k, r.n]));
        const byRisk = grouped('risk');
        const stats = {
          repositories: count('SELECT count(*) AS n FROM repositories'),
          failedRepositories: count("SELECT count(*) AS n FROM repositories WHERE status = 'failed'"),
          servers: count('SELECT count(*) AS n FROM servers'),
          tools: count('SELECT count(*) AS n FROM tools'),
          dynamic: count('SELECT count(*) AS n FROM dynamic_tools'),
          byRisk: Object.fromEntries(RISKS.map((risk) => [risk, byRisk[risk] ?? 0])),
          byCategory: grouped('category'),
          lastRun: db.prepare('SELECT id, started_at AS startedAt, finished_at AS finishedAt, status, sources FROM crawl_runs ORDER BY id DESC LIMIT 1').get() ?? null,
        };
        if (options.json) return printJson(stats);
        console.log(`${stats.repositories} repositories (${stats.failedRepositories} failed), ${stats.servers} servers, ${stats.tools} tools, ${stats.dynamic} dynamic registrations`);
        console.log(`risk:     ${RISKS.map((r) => `${r} ${stats.byRisk[r]}`).join(', ')}`);
        console.log(`category: ${Object.entries(stats.byCategory).map(([c, n]) => `${c} ${n}`).join(', ')}`);
        if (stats.lastRun) console.log(`last crawl: ${visible(JSON.stringify(stats.lastRun))}`);
      }));
}
