// `npm start`: import the committed snapshot of real public servers (data/snapshot/) into
// data/catalog.sqlite (replacing it), build the site, serve it locally. `npm start -- --samples` crawls
// the synthetic samples (data/samples/) into data/catalog-samples.sqlite instead, as the tests do.
import { resolve } from 'node:path';
import { main } from '../crawler/cli/main.ts';
import { buildSite } from '../site/build.ts';
import { serveStatic } from '../site/serve.ts';

const samples = process.argv.slice(2).includes('--samples');
// The samples get a catalog of their own, so they never mix with the imported snapshot.
const db = resolve(process.env.MCP_RISK_DB ?? (samples ? 'data/catalog-samples.sqlite' : 'data/catalog.sqlite'));
const outDir = resolve('site/dist');
const port = Number(process.env.PORT ?? 4321);

const code = samples
  ? await main(['node', 'mcp-risk', 'crawl', '--source', 'dir:data/samples', '--db', db])
  : await main(['node', 'mcp-risk', 'import', 'data/snapshot', '--db', db]);
if (code !== 0) process.exit(code);
console.error('building the site…');
const { pages } = await buildSite({ db, outDir, quiet: true });
const server = await serveStatic(outDir, port);
console.log(`mcp-risk catalog (${samples ? 'the samples' : 'the committed snapshot'}, ${pages} pages) served at ${server.url} — Ctrl+C to stop`);
