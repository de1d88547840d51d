import { html, type Html } from '../lib/html.ts';
import { DESCRIPTION_LIMIT, truncate } from '../lib/text.ts';

/** Crawled text, shortened for display, with the whole text in a <details>. */
export function longText(text: string, label = 'Full text', limit = DESCRIPTION_LIMIT): Html {
  const { shown, truncated, length } = truncate(text, limit);
  return html`<div class="long-text"><p class="crawled">${shown}</p>${truncated
    ? html`<details><summary>${label} (${length.toLocaleString('en-US')} characters)</summary><pre class="wrap">${text}</pre></details>`
    : ''}</div>`;
}
