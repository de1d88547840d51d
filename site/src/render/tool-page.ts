import type { ToolPage, ToolSummary } from '../lib/catalog.ts';
import { html, type Html } from '../lib/html.ts';
import { serverHref, toolHref } from '../lib/links.ts';
import { riskLabel } from '../lib/risk.ts';
import { filterValue, plural, summaryText } from '../lib/text.ts';
import { annotationsTable } from './annotations-table.ts';
import { renderDocument } from './document.ts';
import { evidenceList } from './evidence-list.ts';
import { faqList } from './faq-list.ts';
import { longText } from './long-text.ts';
import { parametersTable } from './parameters-table.ts';
import { policyTabs } from './policy-tabs.ts';
import { riskBadge } from './risk-badge.ts';
import { sourceLink } from './source-link.ts';
import { tagList } from './tag-list.ts';

/** Filters Pagefind reads from the page (risk, category, language, kind); not shown. */
function searchFilters(page: ToolPage): Html {
  const { classification, server } = page;
  return html`<div hidden><span data-pagefind-filter="kind">tool</span><span data-pagefind-filter="risk">${riskLabel(classification?.risk ?? null)}</span>${classification ? html`<span data-pagefind-filter="category">${filterValue(classification.category)}</span>` : ''}<span data-pagefind-filter="language">${filterValue(server.language)}</span></div>`;
}

/**
 * One entry of the "other tools" list, rendered once per tool and reused on each sibling's page: the
 * bulk writer gives every page of a server the same summary objects, and a server of 100 tools would
 * otherwise render 100 × 50 entries.
 */
const SIBLING_ITEMS = new WeakMap<ToolSummary, Html>();

function siblingItem(other: ToolSummary): Html {
  let item = SIBLING_ITEMS.get(other);
  if (!item) SIBLING_ITEMS.set(other, (item = html`<li>${riskBadge(other.risk)} <a href="${toolHref(other.serverSlug, other.slug)}"><code>${other.name}</code></a></li>`));
  return item;
}

function poisoningNotice(page: ToolPage): Html {
  if (page.poisoning.length === 0) return html``;
  return html`<section class="alert" aria-labelledby="poisoning-title">
<h2 id="poisoning-title">Warning: this tool's text may manipulate your agent</h2>
<ul>${page.poisoning.map((finding) => html`<li><strong>${finding.message}</strong> <span class="muted">(<code>${finding.rule}</code>)</span>${finding.evidence.length > 0 && finding.evidence[0].kind === 'text' ? html`<blockquote class="quote">${finding.evidence[0].quote.shown}</blockquote>` : ''}</li>`)}</ul>
<p>Descriptions reach the model's context as soon as the server is connected, whether or not the tool is ever called.</p>
</section>`;
}

/** The body of a tool page (SPEC §7): written by the bulk writer, not by Astro. */
export function toolPageBody(page: ToolPage): Html {
  const { server, tool, parameters, annotations, classification, findings, contradictions, policies, faq, siblings, siblingCount } = page;
  return html`<article class="tool-page">
${searchFilters(page)}
<header class="page-head">
${riskBadge(classification?.risk ?? null)}
<h1><code>${tool.name}</code></h1>
${tool.title ? html`<p class="title">${tool.title}</p>` : ''}
<p class="muted">Part of the <a href="${serverHref(server.slug)}">${server.name}</a> server (${server.repository.fullName}).</p>
</header>
${poisoningNotice(page)}
<dl class="facts">
<dt>Category</dt><dd>${classification ? classification.category : html`<span class="muted">not classified</span>`}</dd>
<dt>PolicyLayer category</dt><dd>${classification?.policyLayerCategory || html`<span class="muted">—</span>`}</dd>
<dt>Risk</dt><dd>${classification ? (classification.risk ?? classification.riskText) : html`<span class="muted">—</span>`}</dd>
<dt>Tags</dt><dd>${tagList(classification?.tags ?? [])}</dd>
<dt>Parameters</dt><dd>${parameters.count} / ${parameters.required} required</dd>
${classification ? html`<dt>Confidence</dt><dd>${classification.confidence.toFixed(2)}</dd>` : ''}
<dt>Defined at</dt><dd>${sourceLink(tool.file, tool.line, tool.sourceUrl)}</dd>
</dl>
<h2>Description</h2>
${tool.description ? longText(tool.description, 'Full description') : html`<p class="muted">No description declared.</p>`}
${tool.descriptionResolved === 'partial' ? html`<p class="muted">Part of this description is computed at run time and could not be read statically.</p>` : ''}
<h2>Why ${tool.name} needs a policy</h2>
${classification ? html`${longText(classification.rationale, 'Full rationale')}${evidenceList(findings)}` : html`<p class="muted">This tool has not been classified.</p>`}
<h2>How to control ${tool.name}</h2>
${classification ? html`${policyTabs(policies, 'tool-policy')}${classification.policyNote ? html`<p class="policy-note">${classification.policyNote}</p>` : ''}` : html`<p class="muted">No policy until the tool is classified; the server policy denies it by default.</p>`}
<p><a href="${serverHref(server.slug)}#server-policy">The policy for the whole ${server.name} server</a></p>
<h2>Parameters</h2>
${parametersTable(parameters)}
<h2>Declared annotations and what the code does</h2>
${contradictions.length > 0 ? html`<p class="notice">The declared annotations contradict what the classifier found in the code.</p>` : ''}
${annotationsTable(annotations)}
${faq.length > 0 ? html`<h2>Questions about ${tool.name}</h2>${faqList(faq)}` : ''}
<h2>Other tools of ${server.name}</h2>
${siblingCount === 0 ? html`<p class="muted">This is the server's only tool.</p>` : html`<ul class="siblings">${siblings.map(siblingItem)}</ul>`}
${siblingCount > siblings.length ? html`<p><a href="${serverHref(server.slug)}">All ${plural(siblingCount + 1, 'tool')} of ${server.name}</a></p>` : ''}
</article>`;
}

export function renderToolPage(page: ToolPage): string {
  const { tool, server, classification } = page;
  return renderDocument({
    title: `${tool.name} (${server.name})`,
    description: `${riskLabel(classification?.risk ?? null)} MCP tool of the ${server.name} server. ${tool.description ?? ''}`,
    body: toolPageBody(page),
    searchable: true,
  });
}
