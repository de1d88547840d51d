import type { ServerPage } from '../lib/catalog.ts';
import { html, type Html } from '../lib/html.ts';
import { riskLabel } from '../lib/risk.ts';
import { filterValue, plural, summaryText } from '../lib/text.ts';
import { renderDocument } from './document.ts';
import { policyTabs } from './policy-tabs.ts';
import { assessmentPanel, serverFacts } from './server-facts.ts';
import { sourceLink } from './source-link.ts';
import { toolTable } from './tool-table.ts';

/**
 * The body of a server page (SPEC §7): repository facts, server risk, tools by risk, dynamic tools and
 * the whole-server policy. Written by the bulk writer in the same pass as the server's tool pages
 * (the server's rows are already loaded there), not by Astro: at catalog scale there is one server page
 * per ~6 tools and Astro's per-page cost made them the slowest part of the build (bench/site/README.md).
 */
export function serverPageBody({ server, tools, dynamic, assessment, policies }: ServerPage): Html {
  return html`<div hidden><span data-pagefind-filter="kind">server</span><span data-pagefind-filter="risk">${riskLabel(assessment.risk ?? tools[0]?.risk ?? null)}</span><span data-pagefind-filter="language">${filterValue(server.language)}</span></div>
<p class="muted">MCP server</p>
<h1>${server.name}</h1>
${serverFacts(server)}
<h2>Server risk</h2>
${assessmentPanel(assessment)}
<h2>Tools by risk</h2>
${tools.length === 0 ? html`<p class="muted">No tool was found statically.</p>` : toolTable(tools, { caption: `${plural(tools.length, 'tool')}, riskiest first; sort by any column` })}
<h2>Tools that could not be listed statically</h2>
${dynamic.length === 0 ? html`<p class="muted">None: every registration names its tool in the source.</p>` : html`<p class="muted">These registrations create tools at run time, so their names and risks are not in the table above; the server policy denies them by default.</p>
<ul>
${dynamic.map((entry) => html`<li>${sourceLink(entry.file, entry.line, entry.url)}: ${entry.reason}</li>
`)}</ul>`}
<h2 id="server-policy">Recommended policy for the whole server</h2>
${policyTabs(policies, 'server-policy')}`;
}

export function renderServerPage(page: ServerPage): string {
  const { server, tools } = page;
  return renderDocument({
    title: `${server.name} MCP server`,
    description: summaryText(`${plural(tools.length, 'tool')} of the ${server.name} MCP server, by risk, with a whole-server policy.`, 300),
    body: serverPageBody(page),
    searchable: true,
  });
}
