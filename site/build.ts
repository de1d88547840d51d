import { cp, mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { openCatalog } from '../crawler/store/open.ts';
import { publishCatalog } from '../crawler/store/publish.ts';
import { llmsTxt, writeCatalogJson, writeSitemaps } from './bulk/exports.ts';
import { unservableSlugs } from './src/lib/catalog.ts';
import { indexCatalog } from './bulk/search-index.ts';

const SITE_ROOT = fileURLToPath(new URL('.', import.meta.url));
const REPO_ROOT = resolve(SITE_ROOT, '..');

export interface BuildSiteOptions {
  /** The catalog database to read. */
  db: string;
  /** Where the static site is written (replaced if it exists). */
  outDir: string;
  /** Only warnings and errors from Astro. */
  quiet?: boolean;
  /** Build the Pagefind search index (default true). */
  search?: boolean;
  /** The public origin, for the absolute URLs of sitemap.xml and llms.txt. */
  site?: string;
}

export interface BuildSiteResult {
  /** HTML pages written, the 404 page included. */
  pages: number;
  /** Tool pages written by the bulk writer. */
  toolPages: number;
  /** Pages in the search index (0 without search). */
  indexed: number;
  /** Seconds per phase, for the benchmark. */
  timings: { pages: number; exports: number; search: number };
}

export const DEFAULT_SITE = 'http://localhost:4321';

/**
 * Builds the static site from a catalog. Writers run at once: Astro (programmatic build, no CLI)
 * renders the home, browse (servers index, risk and category listings), changes, search and 404 pages,
 * while two worker threads write every server page, tool page and tool JSON with template strings
 * (site/bulk/tool-pages.ts). Then the exports (catalog
 * JSON, SQLite copy, sitemap, llms.txt) and the Pagefind index. The pages read the database named by
 * MCP_RISK_DB, set here for the duration of the build.
 */
export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const previousDb = process.env.MCP_RISK_DB;
  const previousCwd = process.cwd();
  const outDir = resolve(options.outDir);
  const dbFile = resolve(options.db);
  const site = options.site ?? DEFAULT_SITE;
  refuseUnservableSlugs(dbFile);
  process.env.MCP_RISK_DB = dbFile;
  // Astro 5.18 writes its prerender chunks into outDir when outDir lies under the working directory,
  // and imports them from there, so their bare imports (astro, better-sqlite3) must resolve from
  // node_modules above them. Otherwise it stages them in <cwd>/.astro/ and then fails to clean up
  // (ENOENT in cleanServerOutput). So: build from the repository root, into outDir when it lies inside
  // the repository, else into a staging folder under site/dist/ that is moved to outDir afterwards.
  const inside = (outDir + sep).startsWith(REPO_ROOT + sep);
  let target = outDir;
  if (!inside) {
    await mkdir(join(SITE_ROOT, 'dist'), { recursive: true });
    target = await mkdtemp(join(SITE_ROOT, 'dist', '.staging-'));
  }
  // The tool pages go to a sibling of the final folder: the same file system, so moving them in is a
  // rename even when Astro has to stage its (few) pages under site/dist.
  await mkdir(dirname(outDir), { recursive: true });
  const bulk = await mkdtemp(join(dirname(outDir), '.bulk-'));
  // A private Astro cache, so that two builds at once (parallel test files) do not share one. (Vite's
  // dependency cache stays in site/node_modules/.vite: Astro 5.18 fixes that path.)
  const cacheDir = await mkdtemp(join(tmpdir(), 'mcp-risk-astro-'));
  const started = performance.now();
  let toolPages = 0;
  let serverPages = 0;
  let astroPages = 0;
  try {
    const written = Promise.all(Array.from({ length: WRITERS }, (_, part) => writeToolPagesInWorker(dbFile, bulk, part, WRITERS)));
    // Skipped when already there: chdir is refused inside worker threads.
    if (previousCwd !== REPO_ROOT) process.chdir(REPO_ROOT);
    try {
      const { build } = await import('astro');
      await build({ root: SITE_ROOT, outDir: target, cacheDir, logLevel: options.quiet ? 'warn' : 'info' });
    } finally {
      // Even when Astro fails, wait for the worker before its folder is removed.
      const parts = await written;
      toolPages = parts.reduce((sum, part) => sum + part.pages, 0);
      serverPages = parts.reduce((sum, part) => sum + part.serverPages, 0);
    }
    // Counted before the bulk pages join them: a recursive readdir of the whole output took seconds at
    // 100,000 tools.
    astroPages = await countPages(target);
    if (!inside) await move(target, outDir);
    await rm(join(outDir, 'tools'), { recursive: true, force: true });
    await rename(join(bulk, 'tools'), join(outDir, 'tools')).catch(ignoreMissing);
    await mkdir(join(outDir, 'api'), { recursive: true });
    await rename(join(bulk, 'api', 'tools'), join(outDir, 'api', 'tools')).catch(ignoreMissing);
    // Server pages sit beside Astro's servers/index.html: moved in one folder at a time.
    await mkdir(join(outDir, 'servers'), { recursive: true });
    for (const slug of await readdir(join(bulk, 'servers')).catch(() => [] as string[])) {
      await rm(join(outDir, 'servers', slug), { recursive: true, force: true });
      await rename(join(bulk, 'servers', slug), join(outDir, 'servers', slug));
    }
    const pagesDone = performance.now();

    const db = openCatalog(dbFile, { readonly: true });
    try {
      writeCatalogJson(db, outDir);
      writeSitemaps(db, outDir, site);
      await writeFile(join(outDir, 'llms.txt'), llmsTxt(db, site));
      // A consistent copy even while a crawl writes, out of WAL mode so that it opens read-only anywhere.
      publishCatalog(db, join(outDir, 'catalog.sqlite'));
    } finally {
      db.close();
    }
    const exportsDone = performance.now();
    const indexed = options.search === false ? 0 : (await indexCatalog(dbFile, outDir)).pages;
    const searchDone = performance.now();
    return {
      pages: astroPages + toolPages + serverPages,
      toolPages,
      indexed,
      timings: { pages: (pagesDone - started) / 1000, exports: (exportsDone - pagesDone) / 1000, search: (searchDone - exportsDone) / 1000 },
    };
  } finally {
    if (process.cwd() !== previousCwd) process.chdir(previousCwd);
    if (previousDb === undefined) delete process.env.MCP_RISK_DB;
    else process.env.MCP_RISK_DB = previousDb;
    await rm(cacheDir, { recursive: true, force: true });
    await rm(bulk, { recursive: true, force: true });
    if (!inside) await rm(target, { recursive: true, force: true });
  }
}

/** A catalog with a slug the site cannot serve is refused, naming them: no tool is left out silently. */
function refuseUnservableSlugs(dbFile: string): void {
  const db = openCatalog(dbFile, { readonly: true });
  try {
    const { count, examples } = unservableSlugs(db);
    if (count === 0) return;
    throw new Error(`catalog database ${dbFile}: ${count} tool or server slug${count === 1 ? '' : 's'} cannot be a URL (${examples.join(', ')}${count > examples.length ? ', …' : ''}); `
      + `they were stored by an older mcp-risk: run \`mcp-risk crawl --db ${dbFile}\` to extract those repositories again`);
  } finally {
    db.close();
  }
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}

/**
 * Bulk writers (server and tool pages) in worker threads, beside Astro on the main thread. Two, each
 * with every other server: Astro's share (home, listings, changes) ends well before the bulk pages, so
 * one writer would leave a core idle for most of the build.
 */
const WRITERS = 2;

function writeToolPagesInWorker(dbFile: string, outDir: string, part: number, parts: number): Promise<{ pages: number; serverPages: number }> {
  return new Promise((done, fail) => {
    const worker = new Worker(new URL('./bulk/worker.mjs', import.meta.url), {
      workerData: { dbFile, outDir, part, parts },
    });
    let result: { pages: number; serverPages: number } | undefined;
    // Settle on the result: tsx's loader keeps the worker alive, so it is ended here.
    worker.once('message', (message: { pages: number; serverPages: number }) => {
      result = message;
      void worker.terminate();
      done(message);
    });
    worker.once('error', fail);
    worker.once('exit', (code) => {
      if (!result) fail(new Error(`tool-page writer exited with code ${code}`));
    });
  });
}

async function move(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  await mkdir(dirname(to), { recursive: true });
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
  }
}

/** HTML files written, the 404 page included. */
async function countPages(dir: string): Promise<number> {
  let pages = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) pages++;
  }
  return pages;
}
