// Worker-thread entry: writes the tool pages while the main thread runs the Astro build.
import { parentPort, workerData } from 'node:worker_threads';
import { writeToolPages } from './tool-pages.ts';

const { dbFile, outDir } = workerData as { dbFile: string; outDir: string };
parentPort!.postMessage(writeToolPages(dbFile, outDir));
