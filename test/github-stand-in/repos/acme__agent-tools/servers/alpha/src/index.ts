// @ts-nocheck — fixture source, read by the crawler, never compiled
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";

const server = new McpServer({ name: "alpha", version: "1.0.0" });

server.registerTool("send_email", {
  description: "Sends an email to any address",
}, async () => ({ content: [] }));
