import type { Assessment, Server } from '../lib/catalog.ts';
import { html, type Html } from '../lib/html.ts';
import { isCommit } from '../lib/links.ts';
import { RISK_LEVELS, riskLabel } from '../lib/risk.ts';
import { truncate } from '../lib/text.ts';
import { riskBadge } from './risk-badge.ts';

/** Repository, commit, crawl date, stars, packages, path, language and SDK of a server. */
export function serverFacts(server: Server): Html {
  const { repository } = server;
  return html`<dl class="facts">
<dt>Repository</dt>
<dd>${repository.url ? html`<a href="${repository.url}" rel="nofollow noopener noreferrer">${repository.fullName}</a>` : repository.fullName}${repository.source === 'dir' ? html`<span class="muted"> (local folder)</span>` : ''}</dd>
<dt>Commit</dt>
<dd>${isCommit(repository.commit) ? html`<code title="${repository.commit}">${repository.commit.slice(0, 12)}</code>` : html`<span class="muted">—</span>`}</dd>
<dt>Crawled</dt>
<dd>${repository.crawledAt ? html`<time datetime="${repository.crawledAt}">${repository.crawledAt.slice(0, 10)}</time>` : html`<span class="muted">—</span>`}</dd>
<dt>Stars</dt>
<dd>${repository.stars !== null ? repository.stars.toLocaleString('en-US') : html`<span class="muted">—</span>`}</dd>
${server.packages.length > 0 ? html`<dt>Packages</dt>
<dd><ul class="packages">${server.packages.map((p) => html`<li><span class="muted">${p.label}</span> ${p.url ? html`<a href="${p.url}" rel="nofollow noopener noreferrer"><code>${p.name}</code></a>` : html`<code>${p.name}</code>`}</li>`)}</ul></dd>` : ''}
<dt>Path</dt>
<dd>${server.treeUrl && server.path !== '.' ? html`<a href="${server.treeUrl}" rel="nofollow noopener noreferrer"><code>${server.path}</code></a>` : html`<code>${server.path}</code>`}</dd>
<dt>Language</dt>
<dd>${server.language}</dd>
<dt>SDK</dt>
<dd>${server.sdk}${server.sdkVersion ? html`<span class="muted"> ${server.sdkVersion}</span>` : ''}</dd>
${repository.description ? html`<dt>About</dt><dd>${truncate(repository.description, 300).shown}</dd>` : ''}
</dl>`;
}

/** The server-level assessment: overall risk, tools per level, and the lethal trifecta. */
export function assessmentPanel(assessment: Assessment): Html {
  const { trifecta } = assessment;
  const legs = trifecta ? [
    { label: 'Private data', tools: trifecta.privateData },
    { label: 'Untrusted content', tools: trifecta.untrustedContent },
    { label: 'External communication', tools: trifecta.externalCommunication },
  ] : [];
  const levels = [...RISK_LEVELS].reverse().filter((level) => assessment.counts[level] !== undefined);
  return html`<p>Server risk: ${riskBadge(assessment.risk)}${levels.length > 0 ? html`<span class="muted"> — ${levels.map((level) => `${assessment.counts[level]} ${riskLabel(level).replace(' Risk', '').toLowerCase()}`).join(', ')}</span>` : ''}</p>
${trifecta ? html`<div class="${trifecta.present ? 'trifecta present' : 'trifecta'}">
<p><strong>${trifecta.present ? 'Lethal trifecta present' : 'No lethal trifecta'}</strong>: ${trifecta.present
    ? 'together these tools can read private data, take in untrusted content and send data out, so injected instructions can exfiltrate data. Deny at least one leg.'
    : 'the server does not combine private data, untrusted content and external communication.'}</p>
<ul>
${legs.map((leg) => html`<li>${leg.label}: ${leg.tools.length === 0 ? html`<span class="muted">none</span>` : leg.tools.map((tool, index) => html`${index > 0 ? ', ' : ''}<code>${tool}</code>`)}</li>
`)}</ul>
</div>` : html`<p class="muted">No combination assessment for this server yet.</p>`}
${assessment.notes.length > 0 ? html`<ul>${assessment.notes.map((note) => html`<li>${note}</li>`)}</ul>` : ''}`;
}
