// @ts-nocheck — fixture source, read by the crawler, never compiled
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";

const server = new McpServer({ name: "weather", version: "0.2.0" });

server.registerTool("get_forecast", {
  description: "Returns the forecast for a city",
  inputSchema: { city: z.string() },
  annotations: { readOnlyHint: true },
}, async ({ city }) => ({ content: [{ type: "text", text: `sunny in ${city}` }] }));

await server.connect(new StdioServerTransport());
