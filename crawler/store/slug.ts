import { createHash } from 'node:crypto';

/**
 * URL segments for servers (`/servers/<slug>/`) and tools (`/tools/<server>/<slug>/`), made from
 * untrusted names. Every slug is a safe folder name and URL segment (`isSlug`), unique where it must be,
 * and stable: what determines each one is written on the function that makes it (docs/security.md).
 */

/** Longest readable part of a tool slug; a longer name is cut, and told apart by its hash. */
const TOOL_READABLE_LIMIT = 64;
/** Longest readable part of a server slug (as before issue 9, so that fresh crawls keep their slugs). */
const SERVER_READABLE_LIMIT = 80;
/** Server slugs that would clash with a page the site writes itself: `/servers/index.html`. */
const RESERVED_SERVER_SLUGS: ReadonlySet<string> = new Set(['index.html']);
const SLUG = /^[a-z0-9][a-z0-9._-]{0,199}$/;
/** With the u flag, a surrogate pair is one code point: only a lone surrogate is in category Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

/** True when `slug` is a folder name and URL segment as it is: what every slug made here is. */
export function isSlug(slug: string): boolean {
  return SLUG.test(slug);
}

/** True for a slug that a server can have: `isSlug`, and not the name of a page the site writes itself. */
export function isServerSlug(slug: string): boolean {
  return isSlug(slug) && !RESERVED_SERVER_SLUGS.has(slug);
}

/**
 * The readable part of a slug: accents dropped, lower-case ASCII letters, digits, `.`, `_` and `-`,
 * starting and ending with a letter or a digit (a leading `_` or `.` would make a folder some hosts
 * hide), at most `limit` characters; '' when nothing readable is left (`工具`, `!!!`, `..`).
 */
export function readableSlug(text: string, limit = TOOL_READABLE_LIMIT): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, limit)
    .replace(/[^a-z0-9]+$/, '');
}

/**
 * Eight hex digits of the SHA-256 of `text`. Well-formed text is hashed as UTF-8; text with a lone
 * surrogate as its UTF-16 code units, since UTF-8 would turn every lone surrogate into the same U+FFFD.
 */
export function shortHash(text: string): string {
  const bytes = LONE_SURROGATE.test(text) ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'utf8');
  return createHash('sha256').update(bytes).digest('hex').slice(0, 8);
}

/**
 * The server's slug: its repository and path, e.g. `modelcontextprotocol-servers-src-filesystem`.
 * Stored with the server and kept for as long as the server exists, so it never changes between crawls.
 * When that readable slug is empty, reserved or `taken` (by another repository's server), the hash of
 * `key` (the repository id and the path) is appended; should that be taken too, `-2`, `-3`…
 */
export function serverSlug(repoFullName: string, serverPath: string, key: string, taken: (slug: string) => boolean = () => false): string {
  const readable = readableSlug((serverPath === '.' ? repoFullName : `${repoFullName}/${serverPath}`).replace(/\//g, '-'), SERVER_READABLE_LIMIT);
  const base = readable === '' || RESERVED_SERVER_SLUGS.has(readable) || taken(readable) ? `${readable || 'server'}-${shortHash(key)}` : readable;
  let slug = base;
  for (let n = 2; taken(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/**
 * Slugs for the tools of one server, in their given order; all different, each `isSlug`.
 * - A name that is its own readable slug (`read_file`, `tool-2`) is its slug.
 * - A name that differs from its readable slug only by case (`getUser` → `getuser`) gets the readable
 *   slug unless another name of the server differs from it only by case too (`Tool` beside `tool` or
 *   `TOOL`); then it is told apart as below. This is the one case where a tool's slug changes because
 *   another tool appears.
 * - Any other name (`_exec_shell`, `a/b`, `café`, `工具`, a name longer than 64 characters) gets its
 *   readable slug (or `tool`) and the hash of its exact text: `exec_shell-3f1c2a9b`. Names that differ
 *   only by case or Unicode normalization hash differently.
 * - Should two slugs still meet (a name registered twice, or a name written to look like another's
 *   hashed slug), `-2`, `-3`… are appended: names are served in the order of the kinds above, and
 *   a name registered again comes last.
 */
export function toolSlugs(names: readonly string[]): string[] {
  const readable = names.map((name) => readableSlug(name));
  // Names that could have a readable slug to themselves: equal to it but for case.
  const caseVariants = new Map<string, Set<string>>();
  names.forEach((name, index) => {
    if (readable[index] === '' || name.toLowerCase() !== readable[index]) return;
    const variants = caseVariants.get(readable[index]) ?? new Set<string>();
    variants.add(name);
    caseVariants.set(readable[index], variants);
  });
  const seen = new Set<string>();
  const preferred = names.map((name, index) => {
    const slug = readable[index];
    const again = seen.has(name);
    seen.add(name);
    if (slug !== '' && name === slug) return { slug, rank: again ? 3 : 0 };
    if (slug !== '' && name.toLowerCase() === slug && caseVariants.get(slug)!.size === 1) return { slug, rank: again ? 3 : 1 };
    return { slug: `${slug || 'tool'}-${shortHash(name)}`, rank: again ? 3 : 2 };
  });
  const used = new Set<string>();
  const slugs: string[] = new Array(names.length);
  const order = names.map((_, index) => index).sort((a, b) => preferred[a].rank - preferred[b].rank || a - b);
  for (const index of order) {
    const base = preferred[index].slug;
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    slugs[index] = slug;
  }
  return slugs;
}
