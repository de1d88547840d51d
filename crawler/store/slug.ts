import { createHash } from 'node:crypto';

/** A URL-safe, lowercase segment made from untrusted text; never empty. */
export function slugify(text: string, fallback = 'tool'): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80)
    .replace(/[-.]+$/g, '');
  return slug || fallback;
}

export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/** The server's slug: repository and path, e.g. `modelcontextprotocol-servers-src-filesystem`. */
export function serverSlug(repoFullName: string, serverPath: string): string {
  const base = serverPath === '.' ? repoFullName : `${repoFullName}/${serverPath}`;
  return slugify(base.replace(/\//g, '-'), 'server');
}

/**
 * Slugs for the tools of one server, in their given order: a name used twice (registered in two
 * branches, say) gets `-2`, `-3`.
 */
export function toolSlugs(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = slugify(name);
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  });
}
