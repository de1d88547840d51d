import { html, type Html } from '../lib/html.ts';
import type { PolicyExample, PolicyView } from '../lib/policies.ts';

function examplesTable(examples: PolicyExample[], label: string): Html {
  if (examples.length === 0) return html``;
  return html`<div class="table-scroll"><table class="examples">
<caption>Example calls checked against this ${label} policy</caption>
<thead><tr><th scope="col">Call</th><th scope="col">Decision</th><th scope="col">Why</th></tr></thead>
<tbody>${examples.map((example) => html`<tr><td><pre class="wrap"><code>${example.call}</code></pre></td><td><span class="decision decision-${example.decision}">${example.decision === 'allow' ? 'Allowed' : 'Denied'}</span></td><td>${example.reason}</td></tr>`)}</tbody>
</table></div>`;
}

/**
 * Every policy format as a tab. Without JavaScript the tab list stays hidden and every format is shown,
 * one after the other under its own heading; site.js turns them into an ARIA tablist and reveals the
 * Copy buttons, which copy their <code> element's textContent (never a string written into a script).
 */
export function policyTabs(policies: PolicyView[], idPrefix: string): Html {
  if (policies.length === 0) return html`<p class="muted">No policy recommended yet.</p>`;
  const id = (index: number, part: string) => `${idPrefix}-${part}-${index}`;
  return html`<div class="policy-tabs" data-tabs>
<div class="tablist" role="tablist" aria-label="Policy formats" hidden>${policies.map((policy, index) =>
    html`<button type="button" role="tab" id="${id(index, 'tab')}" aria-controls="${id(index, 'panel')}" aria-selected="${index === 0 ? 'true' : 'false'}" tabindex="${index === 0 ? '0' : '-1'}">${policy.label}</button>`)}</div>
${policies.map((policy, index) => html`<section class="policy-panel" id="${id(index, 'panel')}" data-format="${policy.format}" aria-labelledby="${id(index, 'title')}">
<div class="policy-bar"><h3 class="panel-title" id="${id(index, 'title')}">${policy.label}</h3><span class="muted">${policy.target}</span>
<button type="button" class="copy-button" data-copy-target="${id(index, 'code')}" aria-label="Copy ${policy.label}" hidden>Copy</button></div>
<pre><code id="${id(index, 'code')}">${policy.text}</code></pre>
${examplesTable(policy.examples, policy.label)}
</section>`)}
</div>`;
}
