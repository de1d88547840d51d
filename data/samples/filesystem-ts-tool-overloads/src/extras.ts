import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { dispatch } from "./dispatch.js";

export function registerExtras(server: McpServer): void {
  server.tool("handle", async (extra) => dispatch(extra));
}
