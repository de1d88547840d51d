import { resolve } from 'node:path';
import { jsonText } from './terminal-text.ts';

/** The catalog database: `--db`, else `MCP_RISK_DB`, else `data/catalog.sqlite`. */
export function catalogPath(flag: string | undefined): string {
  return resolve(flag ?? process.env.MCP_RISK_DB ?? 'data/catalog.sqlite');
}

/** Writes one JSON document to stdout (machine output goes there alone), with crawled control characters escaped. */
export function printJson(value: unknown): void {
  process.stdout.write(`${jsonText(value, 2)}\n`);
}
