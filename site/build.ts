import { cp, mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const SITE_ROOT = fileURLToPath(new URL('.', import.meta.url));
const REPO_ROOT = resolve(SITE_ROOT, '..');

export interface BuildSiteOptions {
  /** The catalog database to read. */
  db: string;
  /** Where the static site is written (replaced if it exists). */
  outDir: string;
  /** Only warnings and errors from Astro. */
  quiet?: boolean;
}

/**
 * Builds the static site from a catalog with Astro's programmatic build (the CLI is not needed). The
 * pages read the database named by MCP_RISK_DB, which is set here for the duration of the build.
 */
export async function buildSite(options: BuildSiteOptions): Promise<{ pages: number }> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const previousDb = process.env.MCP_RISK_DB;
  const previousCwd = process.cwd();
  const outDir = resolve(options.outDir);
  process.env.MCP_RISK_DB = resolve(options.db);
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
  // A private Astro cache, so that two builds at once (parallel test files) do not share one. (Vite's
  // dependency cache stays in site/node_modules/.vite: Astro 5.18 fixes that path.)
  const cacheDir = await mkdtemp(join(tmpdir(), 'mcp-risk-astro-'));
  try {
    // Skipped when already there: chdir is refused inside worker threads.
    if (previousCwd !== REPO_ROOT) process.chdir(REPO_ROOT);
    const { build } = await import('astro');
    await build({ root: SITE_ROOT, outDir: target, cacheDir, logLevel: options.quiet ? 'warn' : 'info' });
    if (!inside) await move(target, outDir);
  } finally {
    if (process.cwd() !== previousCwd) process.chdir(previousCwd);
    if (previousDb === undefined) delete process.env.MCP_RISK_DB;
    else process.env.MCP_RISK_DB = previousDb;
    await rm(cacheDir, { recursive: true, force: true });
    if (!inside) await rm(target, { recursive: true, force: true });
  }
  return { pages: await countPages(outDir) };
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
