import fs from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { NoteStore } from "./store.js";

const LIST_TAGS = "list_tags";
const READ_NOTE = "read_note";
const SEARCH_NOTES = "search_notes";
const CREATE_NOTE = "create_note";
const ARCHIVE_NOTE = "archive_note";
const PURGE_NOTE = "purge_note";

const NOTES_DIR = process.env.NOTES_DIR ?? path.join(process.env.HOME ?? ".", ".notes");
const store = new NoteStore(NOTES_DIR);

const text = (value: unknown) => ({ content: [{ type: "text" as const, text: JSON.stringify(value, null, 2) }] });

export function registerNoteTools(server: McpServer): void {
  server.registerTool(
    LIST_TAGS,
    {
      title: "List tags",
      description: "List the tags used across all notes, with how many notes carry each tag.",
      inputSchema: {},
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async () => {
      const counts: Record<string, number> = {};
      for (const note of await store.all()) for (const tag of note.tags) counts[tag] = (counts[tag] ?? 0) + 1;
      return text(counts);
    },
  );

  server.registerTool(
    READ_NOTE,
    {
      title: "Read note",
      description: "Return the full text of one of the user's notes.",
      inputSchema: { id: z.string().describe("Note id, as returned by search_notes") },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ id }) => text(await store.read(id)),
  );

  server.registerTool(
    SEARCH_NOTES,
    {
      title: "Search notes",
      description: "Full-text search over the user's notes. Returns matching note ids with a snippet of each.",
      inputSchema: {
        query: z.string().min(1).describe("Words to look for"),
        limit: z.number().int().max(50).default(10),
      },
    },
    async ({ query, limit }) => {
      const needle = query.toLowerCase();
      const hits = (await store.all())
        .filter((n) => n.body.toLowerCase().includes(needle) || n.title.toLowerCase().includes(needle))
        .slice(0, limit)
        .map((n) => ({ id: n.id, title: n.title, snippet: n.body.slice(0, 160) }));
      return text(hits);
    },
  );

  server.registerTool(
    CREATE_NOTE,
    {
      title: "Create note",
      description: "Create a new note with a title, a markdown body and optional tags.",
      inputSchema: {
        title: z.string().max(200),
        body: z.string().describe("Markdown body"),
        tags: z.array(z.string()).optional(),
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    async ({ title, body, tags }) => {
      const note = { id: randomUUID().slice(0, 8), title, body, tags: tags ?? [] };
      await store.save(note);
      return text({ created: note.id });
    },
  );

  server.registerTool(
    ARCHIVE_NOTE,
    {
      title: "Archive note",
      description: "Move a note to the archive folder. Archived notes can be restored from NOTES_DIR/archive.",
      inputSchema: { id: z.string() },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    async ({ id }) => {
      await fs.mkdir(path.join(NOTES_DIR, "archive"), { recursive: true });
      await fs.rename(store.file(id), path.join(NOTES_DIR, "archive", `${id}.json`));
      return text({ archived: id });
    },
  );

  server.registerTool(
    PURGE_NOTE,
    {
      title: "Purge note",
      description: "Permanently remove a note and its archived copy from disk. This cannot be undone.",
      inputSchema: { id: z.string() },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ id }) => {
      await fs.rm(store.file(id), { force: true });
      await fs.rm(path.join(NOTES_DIR, "archive", `${id}.json`), { force: true });
      return text({ purged: id });
    },
  );
}
