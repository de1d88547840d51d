#!/usr/bin/env node
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import TurndownService from "turndown";
import { currentPage } from "./browser.js";

const server = new Server({ name: "web-pilot", version: "0.9.2" }, { capabilities: { tools: {} } });

server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [
    {
      name: "fetch_url",
      description: "Fetch any http(s) URL and return the response body, converted to markdown when it is HTML.",
      inputSchema: {
        type: "object",
        properties: {
          url: { type: "string", format: "uri", description: "URL to fetch" },
          max_length: { type: "integer", default: 20000, description: "Truncate the result to this many characters" },
        },
        required: ["url"],
      },
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    {
      name: "browser_navigate",
      description: "Open a URL in the browser tab.",
      inputSchema: { type: "object", properties: { url: { type: "string" } }, required: ["url"] },
    },
    {
      name: "browser_click",
      description: "Click the element matching a CSS selector on the current page (links, buttons, submit inputs).",
      inputSchema: {
        type: "object",
        properties: { selector: { type: "string", description: "CSS selector of the element to click" } },
        required: ["selector"],
      },
    },
    {
      name: "browser_type",
      description: "Type text into an input field of the current page. The form is not submitted.",
      inputSchema: {
        type: "object",
        properties: {
          selector: { type: "string" },
          text: { type: "string", description: "Text to type" },
        },
        required: ["selector", "text"],
      },
    },
    {
      name: "browser_evaluate",
      description: "Run a JavaScript expression in the context of the current page and return its JSON result.",
      inputSchema: {
        type: "object",
        properties: { script: { type: "string", description: "JavaScript expression, e.g. document.title" } },
        required: ["script"],
      },
    },
    {
      name: "browser_screenshot",
      description: "Take a PNG screenshot of the visible part of the current page.",
      inputSchema: { type: "object", properties: {} },
      annotations: { readOnlyHint: true },
    },
  ],
}));

const turndown = new TurndownService();
const text = (t: string) => ({ content: [{ type: "text", text: t }] });

server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const args = (request.params.arguments ?? {}) as Record<string, any>;
  switch (request.params.name) {
    case "fetch_url": {
      const response = await fetch(String(args.url), { redirect: "follow" });
      const body = await response.text();
      const isHtml = (response.headers.get("content-type") ?? "").includes("text/html");
      return text((isHtml ? turndown.turndown(body) : body).slice(0, Number(args.max_length ?? 20000)));
    }
    case "browser_navigate": {
      const page = await currentPage();
      await page.goto(String(args.url));
      return text(`now at ${page.url()}`);
    }
    case "browser_click": {
      await (await currentPage()).click(String(args.selector));
      return text("clicked");
    }
    case "browser_type": {
      await (await currentPage()).fill(String(args.selector), String(args.text));
      return text("typed");
    }
    case "browser_evaluate": {
      const result = await (await currentPage()).evaluate(String(args.script));
      return text(JSON.stringify(result));
    }
    case "browser_screenshot": {
      const png = await (await currentPage()).screenshot();
      return { content: [{ type: "image", data: png.toString("base64"), mimeType: "image/png" }] };
    }
    default:
      throw new Error(`unknown tool ${request.params.name}`);
  }
});

await server.connect(new StdioServerTransport());
