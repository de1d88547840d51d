// Static site built from the SQLite catalog. The pages read the database named by MCP_RISK_DB
// (default: data/catalog.sqlite at the repository root) in getStaticPaths; no content layer, no Shiki
// (measured: either doubles build time).
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
process.env.MCP_RISK_DB = process.env.MCP_RISK_DB
  ? resolve(process.cwd(), process.env.MCP_RISK_DB)
  : resolve(repoRoot, 'data/catalog.sqlite');

export default defineConfig({
  output: 'static',
  build: { concurrency: 8, format: 'directory' },
  devToolbar: { enabled: false },
  integrations: [],
  markdown: { syntaxHighlight: false },
  vite: {
    // Native module: load it from node_modules at build time, never bundle it.
    ssr: { external: ['better-sqlite3'] },
  },
});
