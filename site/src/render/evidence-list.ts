import type { EvidenceView, FindingView } from '../lib/catalog.ts';
import { html, type Html } from '../lib/html.ts';
import { riskBadge } from './risk-badge.ts';
import { sourceLink } from './source-link.ts';

function evidenceItem(evidence: EvidenceView): Html {
  return html`<li>${evidence.kind === 'text'
    ? html`<span class="muted">From the ${evidence.field}:</span>`
    : html`<span class="muted">At ${sourceLink(evidence.file, evidence.line, evidence.url)}:</span>`}
<blockquote class="${evidence.kind === 'code' ? 'quote code' : 'quote'}">${evidence.quote.shown}</blockquote>${evidence.quote.truncated
    ? html`<details><summary>Whole quote</summary><pre class="wrap">${evidence.full}</pre></details>`
    : ''}</li>`;
}

/** Each finding with its quoted evidence; code evidence links to the line at the crawled commit. */
export function evidenceList(findings: FindingView[]): Html {
  if (findings.length === 0) return html`<p class="muted">No rule fired on this tool.</p>`;
  return html`<ol class="findings">${findings.map((finding) => html`<li>
<p><strong>${finding.message}</strong> ${finding.risk ? riskBadge(finding.risk) : ''}<span class="muted"> rule <code>${finding.rule}</code>${finding.category ? html` · ${finding.category}` : ''}</span></p>
${finding.evidence.length > 0 ? html`<ul class="evidence">${finding.evidence.map(evidenceItem)}</ul>` : ''}
</li>`)}</ol>`;
}
