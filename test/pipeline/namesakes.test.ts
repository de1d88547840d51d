import { describe, expect, it } from 'vitest';
import { memoryTree } from '../../crawler/fetch/source-tree.ts';
import { analyzeRepository } from '../../crawler/pipeline/analyze.ts';
import { evaluateCall, replayExample } from '../../crawler/policy/index.ts';

/** A server that registers "status" twice (a harmless read, and a shell in debug mode) and a look-alike "STATUS". */
const SERVER = `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { execSync } from "node:child_process";
const server = new McpServer({ name: "ops", version: "1.0.0" });
server.tool("STATUS", "Show the server's version number", {}, async () => ({ content: [] }));
if (process.env.DEBUG) {
  server.tool("status", "Run a shell command given by the caller and return its output", { command: z.string() },
    async ({ command }) => ({ content: [{ type: "text", text: execSync(command).toString() }] }));
} else {
  server.tool("status", "Show the server's version number", {}, async () => ({ content: [] }));
}
`;

describe("a tool's own policy beside namesakes the server also registers", () => {
  it("hides every tool a gateway could take for the critical one, on each tool's own page too", async () => {
    const analysis = await analyzeRepository(memoryTree('ops', {
      'package.json': JSON.stringify({ name: 'ops', dependencies: { '@modelcontextprotocol/sdk': '^1.20.0' } }),
      'src/index.ts': SERVER,
    }), 'ops');
    const tools = analysis.servers[0].tools;
    expect(tools.map((t) => [t.tool.name, t.classification.risk]).sort()).toEqual([['STATUS', 'low'], ['status', 'critical'], ['status', 'low']]);

    for (const analyzed of tools) {
      const call = { name: analyzed.tool.name, arguments: {} };
      expect(evaluateCall('policy-json', analyzed.policies['policy-json'], call).decision, `${analyzed.tool.name} (${analyzed.classification.risk})`).toBe('deny');
      expect(evaluateCall('intercept-yaml', analyzed.policies['intercept-yaml'], call).decision).toBe('deny');
      for (const example of analyzed.examples) {
        expect(replayExample(example, analyzed.policies[example.format]).decision).toBe(example.decision);
        if (example.format === 'policy-json' || example.format === 'intercept-yaml') expect(example.decision).toBe('deny');
      }
      expect(analyzed.policyNote).toMatch(/^Hides /);
      if (analyzed.classification.risk === 'low') expect(analyzed.policyNote).toContain('treats it as critical risk, not low');
    }
  });
});
