// One phase of the site build on its own, for a breakdown of wall time and peak RSS (run it under
// /usr/bin/time -v). Usage: phase.ts tool-pages|search|site-no-search <db> <outDir>
import { buildSite } from '../../site/build.ts';
import { indexCatalog } from '../../site/bulk/search-index.ts';
import { writeToolPages } from '../../site/bulk/tool-pages.ts';

const [phase, db, outDir] = process.argv.slice(2);
const started = performance.now();
let result: unknown;
if (phase === 'tool-pages') result = writeToolPages(db, outDir);
else if (phase === 'search') result = await indexCatalog(db, outDir);
else if (phase === 'site-no-search') result = await buildSite({ db, outDir, quiet: true, search: false });
else throw new Error(`unknown phase ${phase}`);
console.log(JSON.stringify({ phase, seconds: (performance.now() - started) / 1000, result }));
