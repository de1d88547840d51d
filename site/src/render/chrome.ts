import { html, type Html } from '../lib/html.ts';
import { RISK_LEVELS, riskLabel } from '../lib/risk.ts';
import { riskHref } from '../lib/links.ts';

/** The header and footer of every page, Astro's and the bulk writer's alike (Base.astro uses these). */
export const STYLESHEET = '/site.css';
export const SCRIPT = '/site.js';

export function siteHeader(): Html {
  const levels = [...RISK_LEVELS].reverse();
  return html`<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <a class="brand" href="/">mcp-risk</a>
  <nav aria-label="Main">
    <a href="/servers/">Servers</a>
    ${levels.map((level) => html`<a href="${riskHref(level)}">${riskLabel(level).replace(' Risk', '')}</a>`)}
    <a href="/changes/">Changes</a>
    <a href="/search/">Search</a>
  </nav>
</header>`;
}

export function siteFooter(): Html {
  return html`<footer class="site-footer">
  <p>Tool definitions are read statically from source at the crawled commit; descriptions and names are the authors' text, shown as data.</p>
  <p><a href="/api/catalog.json">Catalog JSON</a> · <a href="/catalog.sqlite">SQLite database</a> · <a href="/llms.txt">llms.txt</a> · <a href="/sitemap.xml">Sitemap</a></p>
</footer>`;
}
