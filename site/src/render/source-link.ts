import { html, type Html } from '../lib/html.ts';

/** `file:line`, linked to the exact line at the crawled commit when lib/links.ts could build a URL. */
export function sourceLink(file: string, line: number | null, url: string | null): Html {
  const label = line ? `${file}:${line}` : file;
  return url ? html`<a class="source-link" href="${url}" rel="nofollow noopener noreferrer"><code>${label}</code></a>` : html`<code class="source-link">${label}</code>`;
}
