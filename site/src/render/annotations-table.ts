import type { AnnotationRow } from '../lib/annotations.ts';
import { html, type Html } from '../lib/html.ts';

const ORIGIN_TEXT = { explicit: 'set by the author', 'sdk-default': 'filled in by the SDK', absent: 'absent (MCP default applies)' } as const;

/** Declared hints next to what clients assume and the classifier's contradiction findings. */
export function annotationsTable(rows: AnnotationRow[]): Html {
  return html`<div class="table-scroll"><table class="annotations">
<thead><tr><th scope="col">Hint</th><th scope="col">Declared</th><th scope="col">Origin</th><th scope="col">Clients assume</th><th scope="col">Found in the code</th></tr></thead>
<tbody>${rows.map((row) => html`<tr${row.contradiction ? html` class="contradiction"` : ''}>
<th scope="row"><code>${row.hint}</code></th>
<td>${row.declared === null ? html`<span class="muted">—</span>` : html`<code>${row.declared}</code>`}</td>
<td>${ORIGIN_TEXT[row.origin]}</td>
<td><code>${String(row.effective)}</code></td>
<td>${row.contradiction ? html`<strong class="contradiction-text">Contradiction: ${row.contradiction}</strong>` : html`<span class="muted">no contradiction found</span>`}</td>
</tr>`)}</tbody></table></div>
<p class="muted">Annotations are untrusted hints: they are shown and checked, and never lower a risk.</p>`;
}
