// `npm start`: crawl the embedded samples into data/catalog.sqlite, build the site, serve it locally.
import { resolve } from 'node:path';
import { main } from '../crawler/cli/main.ts';
import { buildSite } from '../site/build.ts';
import { serveStatic } from '../site/serve.ts';

const db = resolve(process.env.MCP_RISK_DB ?? 'data/catalog.sqlite');
const outDir = resolve('site/dist');
const port = Number(process.env.PORT ?? 4321);

const code = await main(['node', 'mcp-risk', 'crawl', '--source', 'dir:data/samples', '--db', db]);
if (code !== 0) process.exit(code);
console.error('building the site…');
const { pages } = await buildSite({ db, outDir, quiet: true });
const server = await serveStatic(outDir, port);
console.log(`mcp-risk catalog (${pages} pages) served at ${server.url} — Ctrl+C to stop`);
