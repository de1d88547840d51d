import type { Node } from '../../parser.ts';

/**
 * The `<summary>` of the `///` comment above a declaration. The SDK's source generator turns it
 * into `[Description]` for `partial` methods (XmlToDescriptionGenerator).
 */
export function xmlSummary(declaration: Node): string | null {
  const lines: string[] = [];
  for (let sibling = declaration.previousNamedSibling; sibling?.type === 'comment'; sibling = sibling.previousNamedSibling) {
    if (!sibling.text.startsWith('///')) break;
    lines.unshift(sibling.text.replace(/^\/\/\/ ?/, ''));
  }
  const summary = /<summary>([\s\S]*?)<\/summary>/.exec(lines.join('\n'))?.[1];
  if (!summary) return null;
  const text = summary
    .replace(/<(?:see|paramref|typeparamref)\s+\w+="([^"]*)"\s*\/>/g, '$1')
    .replace(/<[^>]+>/g, '')
    .split('\n')
    .map((line) => line.trim())
    .join(' ')
    .trim();
  return text || null;
}
