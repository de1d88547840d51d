import { html, type Html } from '../lib/html.ts';

export function tagList(tags: string[]): Html {
  return tags.length === 0 ? html`<span class="muted">none</span>` : html`<ul class="tags">${tags.map((tag) => html`<li>${tag}</li>`)}</ul>`;
}
