import { openCatalog } from '../../crawler/store/open.ts';

/**
 * A synthetic catalog of `tools` tools for the site benchmark: servers of 1–100 tools (most small, a
 * long tail of large ones, like the crawled ecosystem), with descriptions, schemas, findings with
 * evidence, classifications, four policy formats, example calls and history rows. Deterministic.
 */

const WORDS = 'read write file directory list search query issue pull request repository branch commit deploy cluster pod log metric alert user team message channel email calendar event invoice payment customer order product ticket page document note task project secret key token database table row record bucket object image video'.split(' ');
const VERBS = ['get', 'list', 'create', 'update', 'delete', 'search', 'run', 'send', 'fetch', 'sync'];
const RISKS = ['low', 'medium', 'high', 'critical'] as const;
const CATEGORIES = ['read', 'write', 'delete', 'execute', 'communicate', 'financial', 'admin'];
const LANGUAGES = ['typescript', 'python', 'go', 'rust', 'java', 'csharp', 'kotlin'];

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateCatalog(file: string, tools: number, seed = 1): { servers: number; tools: number } {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const db = openCatalog(file);
  let made = 0;
  let servers = 0;
  const insert = {
    run: db.prepare("INSERT INTO crawl_runs (started_at, finished_at, sources, status) VALUES ('2026-11-26T02:00:00Z', '2026-11-26T04:00:00Z', '[\"github\"]', 'ok')"),
    repo: db.prepare(`INSERT INTO repositories (id, full_name, source, url, commit_sha, content_hash, stars, language, description, crawled_at, run_id)
      VALUES (?, ?, 'github', ?, ?, ?, ?, ?, ?, '2026-11-26T02:30:00Z', 1)`),
    server: db.prepare('INSERT INTO servers (repo_id, path, slug, name, language, sdk, sdk_version, policy, assessment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    tool: db.prepare(`INSERT INTO tools (server_id, slug, name, title, description, input_schema, annotations, definition, file, line, sdk, style, confidence, definition_hash, first_seen_run, changed_run)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0.9, ?, 1, 1)`),
    classification: db.prepare(`INSERT INTO classifications (tool_id, category, policylayer_category, risk, tags, confidence, rules, rationale, classifier_version, policy, policy_note, hash)
      VALUES (?, ?, ?, ?, ?, 0.8, ?, ?, 'bench', ?, ?, 'h')`),
    finding: db.prepare('INSERT INTO findings (tool_id, ordinal, rule, message, category, risk, tags, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    toolPolicy: db.prepare('INSERT INTO tool_policies (tool_id, format, text) VALUES (?, ?, ?)'),
    serverPolicy: db.prepare('INSERT INTO server_policies (server_id, format, text) VALUES (?, ?, ?)'),
    example: db.prepare('INSERT INTO policy_examples (tool_id, format, ordinal, call, decision, reason) VALUES (?, ?, ?, ?, ?, ?)'),
    history: db.prepare("INSERT INTO tool_history (run_id, at, repo_id, server_slug, tool_slug, tool_name, change, risk_after) VALUES (1, '2026-11-26T02:30:00Z', ?, ?, ?, ?, 'added', ?)"),
  };
  db.transaction(() => {
    insert.run.run();
    while (made < tools) {
      // Most servers are small; a few have dozens of tools (1–100).
      const size = Math.min(tools - made, Math.max(1, Math.min(100, Math.round(Math.exp(rnd() * rnd() * 4.6)))));
      servers++;
      const owner = `${pick(WORDS)}-${servers}`;
      const repoId = `github:${servers}`;
      const commit = (servers * 2654435761 >>> 0).toString(16).padStart(8, '0').repeat(5);
      const language = pick(LANGUAGES);
      insert.repo.run(repoId, `${owner}/mcp-${pick(WORDS)}`, `https://github.com/${owner}/mcp-server`, commit, commit, Math.floor(rnd() * 5000), language, `MCP server for ${sentence(6)}`);
      const slug = `${owner}-mcp-server`;
      const names = new Set<string>();
      while (names.size < size) names.add(`${pick(VERBS)}_${pick(WORDS)}${names.size > 20 ? `_${names.size}` : ''}`);
      const entries = [...names].map((name) => ({ name, risk: pick(RISKS) }));
      const policy = JSON.stringify({ version: '1', default: 'deny', hide: entries.filter((e) => e.risk === 'critical').map((e) => e.name) }, null, 2);
      const assessment = JSON.stringify({ risk: 'high', counts: { low: 1 }, trifecta: { present: rnd() < 0.2, privateData: [entries[0].name], untrustedContent: [], externalCommunication: [] }, notes: [] });
      const serverId = Number(insert.server.run(repoId, '.', slug, `${owner} MCP server`, language, '@modelcontextprotocol/sdk', '1.2.0', policy, assessment).lastInsertRowid);
      for (const format of ['policy-json', 'intercept-yaml', 'claude-code', 'codex']) insert.serverPolicy.run(serverId, format, `${format}\n${policy}`);
      for (const [index, { name, risk }] of entries.entries()) {
        const params = 1 + Math.floor(rnd() * 5);
        const schema = { type: 'object', properties: Object.fromEntries(Array.from({ length: params }, (_, i) => [`${pick(WORDS)}_${i}`, { type: pick(['string', 'number', 'boolean']), description: sentence(8) }])), required: [] };
        const description = `${name.replace(/_/g, ' ')}: ${sentence(25 + Math.floor(rnd() * 40))}.`;
        const line = 10 + index * 20;
        const definition = JSON.stringify({ name, description, descriptionResolved: 'full', annotationsOrigin: { readOnlyHint: 'explicit' } });
        const toolId = Number(insert.tool.run(serverId, name, name, null, description, JSON.stringify(schema), JSON.stringify({ readOnlyHint: risk === 'low' }), definition,
          'src/index.ts', line, '@modelcontextprotocol/sdk', 'ts-registerTool', `d${made.toString(36)}`).lastInsertRowid);
        const category = pick(CATEGORIES);
        const toolPolicy = JSON.stringify(risk === 'critical' ? { version: '1', default: 'deny', hide: [name] } : { version: '1', default: 'deny', tools: { [name]: risk === 'low' ? {} : { limits: [{ counter: `${name}_rate`, window: 'minute', max: risk === 'medium' ? 30 : 10, scope: 'grant' }] } } }, null, 2);
        insert.classification.run(toolId, category, category, risk, JSON.stringify([pick(WORDS)]), JSON.stringify(['rule']), `Because it ${sentence(20)}.`, toolPolicy, `Note: ${sentence(10)}.`);
        const findings = 1 + Math.floor(rnd() * 3);
        for (let f = 0; f < findings; f++) {
          insert.finding.run(toolId, f, `rule${f}`, `It ${sentence(6)}`, category, risk, '[]', JSON.stringify([{ kind: 'code', file: 'src/index.ts', line: line + f + 1, quote: `await ${pick(WORDS)}(${pick(WORDS)});` }, { kind: 'text', field: 'description', quote: sentence(8) }]));
        }
        for (const format of ['policy-json', 'intercept-yaml', 'claude-code', 'codex']) insert.toolPolicy.run(toolId, format, format === 'policy-json' ? toolPolicy : `${format}: ${name}\n`);
        insert.example.run(toolId, 'policy-json', 0, JSON.stringify({ name, arguments: {} }), risk === 'critical' ? 'deny' : 'allow', 'as listed');
        insert.example.run(toolId, 'policy-json', 1, JSON.stringify({ name: 'other', arguments: {} }), 'deny', 'default deny');
        insert.history.run(repoId, slug, name, name, risk);
        made++;
      }
    }
  })();
  db.close();
  return { servers, tools: made };
}

