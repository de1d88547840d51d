// Child process of the site benchmark: one full buildSite(), its phase timings as JSON on stdout.
// Usage: build-site.ts <db> <outDir> [--no-search]
import { buildSite } from '../../site/build.ts';

const [db, outDir] = process.argv.slice(2);
const result = await buildSite({ db, outDir, quiet: true, search: !process.argv.includes('--no-search') });
console.log(JSON.stringify(result));
