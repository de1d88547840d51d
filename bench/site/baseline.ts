// The benchmark's baseline (SPEC §9): the same tool pages written with plain template strings, in one
// streaming pass, without the site's loaders or renderers. Usage: baseline.ts <db> <outDir>
import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dbFile, outDir] = process.argv.slice(2);
const db = new Database(dbFile, { readonly: true });
const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const rows = db.prepare(`
  SELECT s.slug AS server_slug, s.name AS server_name, r.full_name, r.url, r.commit_sha, t.slug, t.name, t.description, t.input_schema, t.file, t.line,
         c.category, c.risk, c.rationale, c.policy_note,
         (SELECT json_group_array(json_object('format', format, 'text', text)) FROM tool_policies p WHERE p.tool_id = t.id) AS policies,
         (SELECT json_group_array(json_object('message', message, 'evidence', evidence)) FROM findings f WHERE f.tool_id = t.id) AS findings,
         (SELECT json_group_array(name) FROM (SELECT name FROM tools o WHERE o.server_id = t.server_id AND o.id != t.id LIMIT 50)) AS siblings
  FROM tools t JOIN servers s ON s.id = t.server_id JOIN repositories r ON r.id = s.repo_id LEFT JOIN classifications c ON c.tool_id = t.id
  ORDER BY s.slug, t.slug`);

let pages = 0;
for (const row of rows.iterate() as IterableIterator<Record<string, string>>) {
  const schema = JSON.parse(row.input_schema ?? '{}');
  const params = Object.entries(schema.properties ?? {}) as [string, { type?: string; description?: string }][];
  const policies = JSON.parse(row.policies) as { format: string; text: string }[];
  const findings = JSON.parse(row.findings) as { message: string; evidence: string }[];
  const page = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(row.name)} · mcp-risk</title><link rel="stylesheet" href="/site.css"></head><body>
<header><a href="/">mcp-risk</a></header><main>
<span class="risk-badge">${esc(row.risk)}</span><h1><code>${esc(row.name)}</code></h1>
<p>Part of the <a href="/servers/${esc(row.server_slug)}/">${esc(row.server_name)}</a> server (${esc(row.full_name)}).</p>
<dl><dt>Category</dt><dd>${esc(row.category)}</dd><dt>Defined at</dt><dd><a href="${esc(row.url)}/blob/${esc(row.commit_sha)}/${esc(row.file)}#L${esc(row.line)}">${esc(row.file)}:${esc(row.line)}</a></dd></dl>
<h2>Description</h2><p>${esc(row.description)}</p>
<h2>Why it needs a policy</h2><p>${esc(row.rationale)}</p>
<ol>${findings.map((f) => `<li>${esc(f.message)}${(JSON.parse(f.evidence) as { quote: string; file?: string; line?: number }[]).map((e) => `<blockquote>${esc(e.quote)}</blockquote>${e.file ? `<a href="${esc(row.url)}/blob/${esc(row.commit_sha)}/${esc(e.file)}#L${e.line}">${esc(e.file)}:${e.line}</a>` : ''}`).join('')}</li>`).join('')}</ol>
<h2>Policy</h2>${policies.map((p) => `<section><h3>${esc(p.format)}</h3><button hidden>Copy</button><pre><code>${esc(p.text)}</code></pre></section>`).join('')}<p>${esc(row.policy_note)}</p>
<h2>Parameters</h2><table>${params.map(([name, p]) => `<tr><td>${esc(name)}</td><td>${esc(p.type)}</td><td>${esc(p.description)}</td></tr>`).join('')}</table>
<h2>Other tools</h2><ul>${(JSON.parse(row.siblings) as string[]).map((name) => `<li>${esc(name)}</li>`).join('')}</ul>
</main></body></html>\n`;
  const dir = join(outDir, 'tools', row.server_slug, row.slug);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), page);
  pages++;
}
db.close();
console.log(JSON.stringify({ pages }));
