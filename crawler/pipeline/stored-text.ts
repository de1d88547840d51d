import { createHash } from 'node:crypto';
import { homedir, tmpdir } from 'node:os';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { describeSource, type SourceSpec } from '../discover/source.ts';
import { redactSecrets } from '../github/redact.ts';

/**
 * Run statistics and failure messages are stored in the catalog and published with it (`/catalog.sqlite`)
 * and in the job summary: they must not carry credentials a server echoed, nor this machine's absolute
 * paths (a failed local repository's error names its folder).
 */

/** Longest error text kept per failure. */
const MAX_ERROR_LENGTH = 500;

interface Prefix {
  path: string;
  /** What the prefix and the separator after it become. */
  replacement: string;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Absolute folders that may appear in messages, most specific first: the `dir:` source roots (paths
 * become relative to them, as a repository's label is its folder's name), the working directory, the
 * home directory and the temporary directory.
 */
function localPrefixes(roots: readonly string[]): Prefix[] {
  const prefixes: Prefix[] = [
    ...roots.map((root) => ({ path: resolve(root), replacement: '' })),
    { path: process.cwd(), replacement: '' },
    { path: homedir(), replacement: `~${sep}` },
    { path: tmpdir(), replacement: `$TMPDIR${sep}` },
  ];
  // A prefix of `/` alone would rewrite every path separator.
  return prefixes.filter((p) => p.path.replace(/[\\/]+$/, '') !== '').sort((a, b) => b.path.length - a.path.length);
}

function withoutLocalPaths(text: string, roots: readonly string[]): string {
  let out = text;
  for (const prefix of localPrefixes(roots)) {
    const path = escapeRegExp(prefix.path.replace(/[\\/]+$/, ''));
    out = out.replace(new RegExp(`${path}[\\\\/]`, 'g'), prefix.replacement);
    out = out.replace(new RegExp(`${path}(?![\\w.-])`, 'g'), prefix.replacement === '' ? '.' : prefix.replacement.slice(0, -1));
  }
  return out;
}

/** An error text fit to store and publish: credentials redacted, local paths relative, bounded in length. */
export function storedText(text: string, roots: readonly string[] = []): string {
  return withoutLocalPaths(redactSecrets(text), roots).slice(0, MAX_ERROR_LENGTH);
}

/** Every string of a run's statistics passed through storedText (a last pass before they are stored). */
export function storedStats<T>(value: T, roots: readonly string[] = []): T {
  if (typeof value === 'string') return storedText(value, roots) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => storedStats(item, roots)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [storedText(key, roots), storedStats(item, roots)])) as T;
}

/**
 * How a source is named in stored statistics: local sources (`dir:`, `git:`) by their path relative
 * to the working directory when they lie under it (`dir:data/samples`), else by their folder's name
 * (`git:.mirror`).
 */
export function sourceLabel(source: SourceSpec): string {
  if (source.kind !== 'dir' && source.kind !== 'git') return describeSource(source);
  const path = resolve(source.path);
  const under = relative(process.cwd(), path);
  if (under !== '' && !under.startsWith('..') && !isAbsolute(under)) return `${source.kind}:${under.split(sep).join('/')}`;
  return `${source.kind}:${basename(path) || '.'}`;
}

/**
 * A run resumes only when the next one asks for the same sources; two folders with the same name are
 * told apart by a hash of their absolute paths, which is stored in the checkpoint instead of the paths.
 */
export function localRootsKey(sources: readonly SourceSpec[]): string[] {
  return sources.flatMap((s) => (s.kind === 'dir' || s.kind === 'git' ? [createHash('sha256').update(resolve(s.path)).digest('hex').slice(0, 16)] : []));
}
