import { resolve } from 'node:path';

/** The catalog database: `--db`, else `MCP_RISK_DB`, else `data/catalog.sqlite`. */
export function catalogPath(flag: string | undefined): string {
  return resolve(flag ?? process.env.MCP_RISK_DB ?? 'data/catalog.sqlite');
}

/** Writes one JSON document to stdout (machine output goes there alone). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
