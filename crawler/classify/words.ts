/**
 * Splits a tool name into lower-case words across snake_case, camelCase, kebab-case and dotted
 * names ("getTinyImage" → get, tiny, image; "policies.create" → policies, create).
 */
export function splitName(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .map((word) => word.toLowerCase())
    .filter((word) => word.length > 0);
}

/** Lower-case words of free text, punctuation dropped; keeps digits inside words ("hyper3d"). */
export function textWords(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length > 0);
}

/** The first sentence, which is what registries and our labels quote as the description. */
export function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s|$)/s.exec(text);
  return (match ? match[1] : text).trim();
}

/** Collapses whitespace so quotes stay on one line. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Shortens a quote for evidence without cutting a word in half. */
export function clip(text: string, max = 160): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max / 2 ? space : max)}…`;
}
