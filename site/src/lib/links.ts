/**
 * Every href the site emits is built here. Crawled strings never become a URL as they are: a
 * repository URL must parse as plain https, a commit must be hex, a path is split into encoded
 * segments, and a slug must be a safe URL segment.
 */

import { isSlug } from '../../../crawler/store/slug.ts';

const COMMIT = /^[0-9a-f]{7,64}$/i;

/** The repository's https URL without query, fragment, credentials or a trailing `.git`; else null. */
export function repositoryUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || !parsed.hostname) return null;
  const path = parsed.pathname.replace(/\/+$/, '').replace(/\.git$/, '');
  if (path === '' || /[\s"'<>`\\]/.test(path)) return null;
  return `https://${parsed.host}${path}`;
}

/** True for a commit id we can put in a URL. */
export function isCommit(commit: string | null | undefined): commit is string {
  return typeof commit === 'string' && COMMIT.test(commit);
}

/** A repository-relative path as encoded URL segments; null when it is empty or climbs out. */
export function encodeRepoPath(path: string): string | null {
  const segments = path.replace(/\\/g, '/').split('/').filter((segment, index) => !(index === 0 && segment === '.'));
  if (segments.length === 0 || segments.some((s) => s === '' || s === '.' || s === '..')) return null;
  return segments.map(encodeURIComponent).join('/');
}

/**
 * The exact source line at the crawled commit, `<url>/blob/<commit>/<path>#L<line>`, or null when the
 * repository has no https URL or no commit (local folders) or the path is not a clean relative path.
 * `file` is relative to the repository root.
 */
export function sourceUrl(repository: { url: string | null; commit: string | null }, file: string, line?: number | null): string | null {
  const base = repositoryUrl(repository.url);
  const path = encodeRepoPath(file);
  if (!base || !isCommit(repository.commit) || !path) return null;
  const anchor = line && Number.isInteger(line) && line > 0 ? `#L${line}` : '';
  return `${base}/blob/${repository.commit}/${path}${anchor}`;
}

/** The repository at the crawled commit (`/tree/<commit>/<path>`), or the repository itself. */
export function treeUrl(repository: { url: string | null; commit: string | null }, path: string): string | null {
  const base = repositoryUrl(repository.url);
  if (!base) return null;
  if (!isCommit(repository.commit)) return base;
  const encoded = path === '.' || path === '' ? '' : encodeRepoPath(path);
  if (encoded === null) return base;
  return `${base}/tree/${repository.commit}${encoded ? `/${encoded}` : ''}`;
}

/** True when a slug can be a URL segment and a folder name as it is (the crawler's own rule). */
export function isSafeSlug(slug: string | null | undefined): slug is string {
  return typeof slug === 'string' && isSlug(slug);
}

export function toolHref(serverSlug: string, toolSlug: string): string {
  return `/tools/${encodeURIComponent(serverSlug)}/${encodeURIComponent(toolSlug)}/`;
}

export function serverHref(serverSlug: string): string {
  return `/servers/${encodeURIComponent(serverSlug)}/`;
}

export function riskHref(level: string, page = 1): string {
  return `/risk/${encodeURIComponent(level)}/${page > 1 ? `${page}/` : ''}`;
}

export function categoryHref(category: string, page = 1): string {
  return `/category/${encodeURIComponent(category)}/${page > 1 ? `${page}/` : ''}`;
}
