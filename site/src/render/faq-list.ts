import type { FaqEntry } from '../lib/faq.ts';
import { html, type Html } from '../lib/html.ts';

export function faqList(faq: FaqEntry[]): Html {
  if (faq.length === 0) return html``;
  return html`<dl class="faq">${faq.map((entry) => html`<dt>${entry.question}</dt><dd>${entry.answer.map((segment) => (typeof segment === 'string' ? segment : html`<code>${segment.code}</code>`))}</dd>`)}</dl>`;
}
