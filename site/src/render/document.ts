import { html, type Html } from '../lib/html.ts';
import { summaryText } from '../lib/text.ts';
import { SCRIPT, STYLESHEET, siteFooter, siteHeader } from './chrome.ts';

export interface DocumentInput {
  title: string;
  description: string;
  body: Html;
  /** Pagefind indexes only pages whose <main> carries data-pagefind-body. */
  searchable?: boolean;
}

/** A whole page for the bulk writer; the same head, header and footer as Base.astro. */
export function renderDocument({ title, description, body, searchable = false }: DocumentInput): string {
  return `<!DOCTYPE html>${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<title>${title} · mcp-risk</title>
<meta name="description" content="${summaryText(description, 300)}">
<link rel="stylesheet" href="${STYLESHEET}">
<script type="module" src="${SCRIPT}"></script>
</head>
<body>
${siteHeader()}
<main id="main"${searchable ? html` data-pagefind-body` : ''}>
${body}
</main>
${siteFooter()}
</body>
</html>`.value}\n`;
}
