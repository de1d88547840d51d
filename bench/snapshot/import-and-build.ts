// Child process of the snapshot benchmark: what `npm start` does before serving — import the snapshot,
// build the site with its search index — with each phase's seconds as JSON on stdout.
// Usage: import-and-build.ts <snapshotDir> <db> <outDir>
import { importSnapshot } from '../../crawler/store/snapshot-import.ts';
import { buildSite } from '../../site/build.ts';

const [snapshot, db, outDir] = process.argv.slice(2);
const started = performance.now();
const counts = importSnapshot(snapshot, db);
const imported = performance.now();
const site = await buildSite({ db, outDir, quiet: true });
const built = performance.now();
console.log(JSON.stringify({ counts, pages: site.pages, import_s: (imported - started) / 1000, build_s: (built - imported) / 1000, timings: site.timings }));
