// Child process of the site benchmark: one full buildSite(), its phase timings as JSON on stdout.
import { buildSite } from '../../site/build.ts';

const [db, outDir] = process.argv.slice(2);
const result = await buildSite({ db, outDir, quiet: true });
console.log(JSON.stringify(result));
