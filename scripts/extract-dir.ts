// Developer aid: prints the extraction of one local folder as JSON. `npx tsx scripts/extract-dir.ts DIR`
import { basename, resolve } from 'node:path';
import { extractRepository } from '../crawler/extract/index.ts';
import { localTree } from '../crawler/fetch/source-tree.ts';

const dir = resolve(process.argv[2] ?? '.');
const extraction = await extractRepository(localTree(dir), basename(dir));
process.stdout.write(`${JSON.stringify(extraction, null, 2)}\n`);
