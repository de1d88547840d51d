import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder, readable by other users (a test may run the command as `nobody`). */
export function tempFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

/** Removes a folder however deep: `rm` walks by file descriptor, so paths past PATH_MAX go too. */
export function removeFolder(dir: string): void {
  execFileSync('rm', ['-rf', dir]);
}

/** A small fictional TypeScript server with one tool, `read_note`, in `index.ts`. */
export function writeNotesServer(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"name":"notes-mcp","dependencies":{"@modelcontextprotocol/sdk":"^1.17.0"}}\n');
  writeFileSync(join(dir, 'index.ts'), [
    'import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";',
    'const server = new McpServer({ name: "notes", version: "1.0.0" });',
    'server.tool("read_note", "Reads one note by its id", async () => ({ content: [] }));',
    '',
  ].join('\n'));
}

/** A tool file beside it, `delete_note`, to put where it cannot be read. */
export const DELETE_TOOL = [
  'import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";',
  'const server = new McpServer({ name: "notes", version: "1.0.0" });',
  'server.tool("delete_note", "Deletes a note", async () => ({ content: [] }));',
  '',
].join('\n');
