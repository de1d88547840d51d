import type { ToolSummary } from '../lib/catalog.ts';
import { html, type Html } from '../lib/html.ts';
import { serverHref, toolHref } from '../lib/links.ts';
import { riskRank } from '../lib/risk.ts';
import { riskBadge } from './risk-badge.ts';

/**
 * A sortable table of tools (server pages, listings). A template function rather than an Astro
 * component with a component per row: listings hold 500 rows a page, and at catalog scale Astro's
 * per-component cost made these pages the slowest part of the build (bench/site/README.md).
 */
export function toolTable(tools: ToolSummary[], { showServer = false, caption }: { showServer?: boolean; caption?: string } = {}): Html {
  return html`<div class="table-scroll">
<table class="tool-table" data-sortable>
${caption ? html`<caption>${caption}</caption>` : ''}
<thead>
<tr><th scope="col" data-sort-key>Risk</th><th scope="col" data-sort-key>Tool</th>${showServer ? html`<th scope="col" data-sort-key>Server</th>` : ''}<th scope="col" data-sort-key>Category</th><th scope="col" data-sort-key>Parameters</th></tr>
</thead>
<tbody>
${tools.map((tool) => html`<tr><td data-sort="${String(riskRank(tool.risk))}">${riskBadge(tool.risk)}</td><td><a href="${toolHref(tool.serverSlug, tool.slug)}"><code>${tool.name}</code></a></td>${showServer ? html`<td><a href="${serverHref(tool.serverSlug)}">${tool.serverName}</a></td>` : ''}<td>${tool.category ?? html`<span class="muted">—</span>`}${tool.policyLayerCategory ? html`<span class="muted"> (${tool.policyLayerCategory})</span>` : ''}</td><td>${tool.parameterCount}</td></tr>
`)}</tbody>
</table>
</div>`;
}
