#!/usr/bin/env node
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";
import { forge } from "./forge.js";

const server = new McpServer({ name: "forge", version: "2.1.0" });
const json = (value: unknown) => ({ content: [{ type: "text" as const, text: JSON.stringify(value) }] });

server.tool(
  "search_repositories",
  "Search public repositories on the forge by keyword.",
  { query: z.string(), per_page: z.number().int().max(100).default(20) },
  { readOnlyHint: true, openWorldHint: true },
  async ({ query, per_page }) => json(await forge("GET", `/search/repositories?q=${encodeURIComponent(query)}&per_page=${per_page}`)),
);

server.tool(
  "create_issue",
  "Open a new issue in a repository.",
  { repo: z.string().describe("owner/name"), title: z.string(), body: z.string().optional() },
  async ({ repo, title, body }) => json(await forge("POST", `/repos/${repo}/issues`, { title, body })),
);

server.tool(
  "comment_on_issue",
  "Add a comment to an issue or pull request.",
  { repo: z.string(), number: z.number().int(), body: z.string() },
  async ({ repo, number, body }) => json(await forge("POST", `/repos/${repo}/issues/${number}/comments`, { body })),
);

server.tool(
  "trigger_workflow",
  "Start a CI workflow run on a branch. The workflow runs the repository's own scripts on the CI runners.",
  { repo: z.string(), workflow: z.string().describe("Workflow file name, e.g. deploy.yml"), ref: z.string().default("main") },
  async ({ repo, workflow, ref }) =>
    json(await forge("POST", `/repos/${repo}/actions/workflows/${workflow}/dispatches`, { ref })),
);

server.tool(
  "add_collaborator",
  "Give a user access to a repository with the chosen permission (read, write or admin).",
  { repo: z.string(), username: z.string(), permission: z.enum(["read", "write", "admin"]) },
  { destructiveHint: false, idempotentHint: true },
  async ({ repo, username, permission }) =>
    json(await forge("PUT", `/repos/${repo}/collaborators/${username}`, { permission })),
);

await server.connect(new StdioServerTransport());
