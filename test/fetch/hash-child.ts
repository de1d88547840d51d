// Hashes a folder in a child process and reports the hash and how much the peak memory grew while hashing:
// `tsx hash-child.ts DIR` prints {"hash": "...", "peakGrowthBytes": N}. Every cap is lifted, so the tree
// holds whatever the folder holds, however large.
import { contentHash } from '../../crawler/fetch/content-hash.ts';
import { localTree } from '../../crawler/fetch/source-tree.ts';

const NO_CAP = Number.MAX_SAFE_INTEGER;
const tree = localTree(process.argv[2], { maxFileBytes: NO_CAP, maxDataFileBytes: NO_CAP, maxKeptBytes: NO_CAP, maxEntries: 1000 });
const before = process.resourceUsage().maxRSS;
const hash = contentHash(tree);
const peakGrowthBytes = (process.resourceUsage().maxRSS - before) * 1024;
process.stdout.write(`${JSON.stringify({ hash, peakGrowthBytes })}\n`);
