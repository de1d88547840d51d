import { readdirSync, readFileSync } from 'node:fs';
import { openCatalog } from '../../crawler/store/open.ts';
import { toAssessment } from '../src/lib/catalog.ts';
import { html } from '../src/lib/html.ts';
import { serverHref, toolHref } from '../src/lib/links.ts';
import { RISK_LEVELS, riskLabel, riskRank, type RiskLevel } from '../src/lib/risk.ts';
import { filterValue, summaryText } from '../src/lib/text.ts';

/** Longest description (characters) put in a search record: enough for the excerpt and for matching. */
export const SEARCH_TEXT_LIMIT = 600;
/** Tool names a server's record carries, so that a server is found by the tools it offers. */
const SERVER_TOOL_NAMES = 100;
/** Records sent to Pagefind before waiting for its answers (its service answers each over a pipe). */
const IN_FLIGHT = 256;

/**
 * Builds the Pagefind index (tools and servers, with the risk, category, language and kind filters)
 * from the catalog database, not from the built pages: each record is a small HTML document holding
 * only what search shows and matches (name, title, description, server, category, risk), given to
 * Pagefind's Node API with the page's URL. Parsing the full pages (every policy format, FAQ, evidence,
 * tables) made Pagefind read ~2 KB-20 KB a page from disk and index every word of them, which cost
 * more time and memory than writing the pages (bench/site/README.md). Records are built with the
 * escaping `html` tag, so crawled text reaches Pagefind as text, as it did from the pages.
 */
export async function indexCatalog(dbFile: string, outDir: string): Promise<{ pages: number; pagefindPeakRssMb: number | null }> {
  let pagefind: typeof import('pagefind');
  try {
    pagefind = await import('pagefind');
  } catch (error) {
    throw new Error(`the search index needs the pagefind package (npm install pagefind): ${error instanceof Error ? error.message : String(error)}`);
  }
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const db = openCatalog(dbFile, { readonly: true });
  let pages = 0;
  const pending = new Set<Promise<void>>();
  const add = async (url: string, content: string): Promise<void> => {
    const task = index.addHTMLFile({ url, content }).then((added) => {
      if (added.errors.length > 0) throw new Error(`pagefind (${url}): ${added.errors.join('; ')}`);
      pages++;
    });
    const tracked = task.finally(() => pending.delete(tracked));
    pending.add(tracked);
    if (pending.size >= IN_FLIGHT) await Promise.race(pending);
  };
  try {
    for (const record of searchRecords(db)) await add(record.url, record.content);
    await Promise.all(pending);
    const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    return { pages, pagefindPeakRssMb: childPeakRssMb() };
  } finally {
    db.close();
    await Promise.allSettled(pending);
    await index.deleteIndex();
    await pagefind.close();
  }
}

/**
 * The largest peak RSS (VmHWM) among this process's live child processes (Pagefind's service), read
 * before it is closed: the service is killed and never waited for, so `time -v` of the parent does not
 * count it. Linux only; null elsewhere.
 */
function childPeakRssMb(): number | null {
  try {
    let peak = 0;
    for (const task of readdirSync('/proc/self/task')) {
      for (const pid of readFileSync(`/proc/self/task/${task}/children`, 'utf8').split(' ').filter(Boolean)) {
        const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        if (kb) peak = Math.max(peak, Number(kb[1]));
      }
    }
    return Math.round(peak / 1024);
  } catch {
    return null;
  }
}

type Db = ReturnType<typeof openCatalog>;

interface ToolRecordRow {
  server_id: number;
  server_slug: string;
  server_name: string;
  language: string | null;
  full_name: string;
  slug: string;
  name: string;
  title: string | null;
  description: string | null;
  category: string | null;
  risk: string | null;
}

/**
 * The search records, tools first (one streaming pass), then servers. The filters are those the
 * pages carry: a tool's risk, category and language; a server's assessed risk (else its riskiest
 * tool's) and language.
 */
export function* searchRecords(db: Db): Generator<{ url: string; content: string }> {
  const servers = new Map<number, { rank: number; names: string[] }>();
  const tools = db.prepare(`
    SELECT t.server_id, s.slug AS server_slug, s.name AS server_name, s.language, r.full_name,
           t.slug, t.name, t.title, t.description, c.category, c.risk
    FROM tools t JOIN servers s ON s.id = t.server_id JOIN repositories r ON r.id = s.repo_id
    LEFT JOIN classifications c ON c.tool_id = t.id
    ORDER BY s.slug, t.slug`);
  for (const row of tools.iterate() as IterableIterator<ToolRecordRow>) {
    const server = servers.get(row.server_id) ?? { rank: RISK_LEVELS.length, names: [] };
    server.rank = Math.min(server.rank, riskRank(row.risk));
    if (server.names.length < SERVER_TOOL_NAMES) server.names.push(row.name);
    servers.set(row.server_id, server);
    const filters = html`<span data-pagefind-filter="kind">tool</span><span data-pagefind-filter="risk">${riskLabel(row.risk)}</span>${row.category !== null ? html`<span data-pagefind-filter="category">${filterValue(row.category)}</span>` : ''}<span data-pagefind-filter="language">${filterValue(row.language)}</span>`;
    yield {
      url: toolHref(row.server_slug, row.slug),
      content: document(html`<div hidden>${filters}</div><h1><code>${row.name}</code></h1>${row.title ? html`<p>${row.title}</p>` : ''}${row.description ? html`<p>${summaryText(row.description, SEARCH_TEXT_LIMIT)}</p>` : ''}<p>Part of the ${row.server_name} server (${row.full_name}).${row.category !== null ? ` Category ${row.category}.` : ''} ${riskLabel(row.risk)}.</p>`),
    };
  }
  const rankToRisk = (rank: number): RiskLevel | null => (rank < RISK_LEVELS.length ? RISK_LEVELS[RISK_LEVELS.length - 1 - rank] : null);
  const rows = db.prepare(`
    SELECT s.id, s.slug, s.name, s.language, s.sdk, s.assessment, r.full_name, r.description
    FROM servers s JOIN repositories r ON r.id = s.repo_id ORDER BY s.slug`);
  for (const row of rows.iterate() as IterableIterator<{ id: number; slug: string; name: string; language: string | null; sdk: string | null; assessment: string | null; full_name: string; description: string | null }>) {
    const tools = servers.get(row.id);
    const risk = toAssessment(row.assessment).risk ?? rankToRisk(tools?.rank ?? RISK_LEVELS.length);
    const filters = html`<span data-pagefind-filter="kind">server</span><span data-pagefind-filter="risk">${riskLabel(risk)}</span><span data-pagefind-filter="language">${filterValue(row.language)}</span>`;
    yield {
      url: serverHref(row.slug),
      content: document(html`<div hidden>${filters}</div><h1>${row.name}</h1><p>MCP server in ${row.full_name}${row.language ? ` (${row.language}${row.sdk ? `, ${row.sdk}` : ''})` : ''}.</p>${row.description ? html`<p>${summaryText(row.description, SEARCH_TEXT_LIMIT)}</p>` : ''}${tools ? html`<p>Tools: ${tools.names.join(', ')}</p>` : ''}`),
    };
  }
}

function document(body: ReturnType<typeof html>): string {
  return html`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body><main data-pagefind-body>${body}</main></body></html>`.value;
}
