#!/usr/bin/env node
import fs from "node:fs/promises";
import path from "node:path";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";
import { registerExtras } from "./extras.js";

const roots = process.argv.slice(2).map((p) => path.resolve(p));
if (roots.length === 0) {
  console.error("usage: fs-sandbox-mcp <allowed-dir> [more-dirs...]");
  process.exit(2);
}

function allowed(p: string): string {
  const full = path.resolve(p);
  if (!roots.some((root) => full === root || full.startsWith(root + path.sep))) {
    throw new Error(`access denied: ${full} is outside the allowed directories`);
  }
  return full;
}

const ok = (text: string) => ({ content: [{ type: "text" as const, text }] });

const server = new McpServer({ name: "fs-sandbox", version: "1.2.0" });

server.tool("list_allowed_directories", "List the directories this server is allowed to access.", async () =>
  ok(roots.join("\n")),
);

server.tool(
  "read_file",
  "Read the complete text content of a file inside one of the allowed directories.",
  { path: z.string().describe("Absolute or relative path of the file to read") },
  async ({ path: p }) => ok(await fs.readFile(allowed(p), "utf8")),
);

server.tool("list_directory", "List the names of the entries of a directory, marking folders with a trailing slash.", { path: z.string() }, async ({ path: p }) => {
  const entries = await fs.readdir(allowed(p), { withFileTypes: true });
  return ok(entries.map((e) => (e.isDirectory() ? `${e.name}/` : e.name)).join("\n"));
});

server.tool(
  "write_file",
  "Create a new file or completely overwrite an existing file with the given content. Use with care: existing content is replaced without a backup.",
  {
    path: z.string().describe("Path of the file to write"),
    content: z.string().describe("Full new content of the file"),
  },
  { title: "Write file", readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  async ({ path: p, content }) => {
    await fs.writeFile(allowed(p), content, "utf8");
    return ok(`wrote ${content.length} characters to ${p}`);
  },
);

server.tool(
  "create_directory",
  { path: z.string().describe("Directory to create, parents included") },
  { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async ({ path: p }) => {
    await fs.mkdir(allowed(p), { recursive: true });
    return ok(`created ${p}`);
  },
);

server.tool(
  "delete_file",
  "Delete a file permanently. The file is unlinked, not moved to the trash.",
  { path: z.string() },
  { destructiveHint: true, openWorldHint: false },
  async ({ path: p }) => {
    await fs.unlink(allowed(p));
    return ok(`deleted ${p}`);
  },
);

registerExtras(server);

await server.connect(new StdioServerTransport());
