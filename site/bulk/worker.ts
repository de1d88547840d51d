// Worker-thread entry: writes its share of the server and tool pages while the main thread runs the
// Astro build.
import { parentPort, workerData } from 'node:worker_threads';
import { writeToolPages } from './tool-pages.ts';

const { dbFile, outDir, part, parts } = workerData as { dbFile: string; outDir: string; part: number; parts: number };
parentPort!.postMessage(writeToolPages(dbFile, outDir, part, parts));
