import { html, type Html } from '../lib/html.ts';
import type { ParameterSummary } from '../lib/parameters.ts';
import { truncate } from '../lib/text.ts';

export function parametersTable(parameters: ParameterSummary): Html {
  if (parameters.count === 0) return html`<p class="muted">No parameters declared (or the input schema could not be derived statically).</p>`;
  return html`<div class="table-scroll"><table>
<thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Description</th></tr></thead>
<tbody>${parameters.parameters.map((p) => html`<tr><td><code>${p.name}</code></td><td><code>${p.type}</code></td><td>${p.required ? 'yes' : 'no'}</td><td>${p.description ? truncate(p.description, 300).shown : html`<span class="muted">—</span>`}</td></tr>`)}</tbody>
</table></div>`;
}
