#!/usr/bin/env node
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { registerNoteTools } from "./tools.js";

const server = new McpServer({ name: "notes", version: "0.3.1" });
registerNoteTools(server);
await server.connect(new StdioServerTransport());
