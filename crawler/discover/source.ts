import { z } from 'zod';

/**
 * Where repositories come from (SPEC §3.1): `github` (repository search and awesome lists), `registry`,
 * `seeds`, `code-search` (weekly), `github-search` and `awesome-lists` alone, `dir:PATH`, or `git:PATH`
 * (git directories named `owner+name`, read at HEAD without a checkout).
 */
export type SourceSpec =
  | { kind: 'dir'; path: string }
  | { kind: 'git'; path: string }
  | { kind: 'github' }
  | { kind: 'registry' }
  | { kind: 'seeds' }
  | { kind: 'github-search' }
  | { kind: 'code-search' }
  | { kind: 'awesome-lists' };

const NETWORK_KINDS = ['github', 'registry', 'seeds', 'github-search', 'code-search', 'awesome-lists'] as const;

export const SourceArg = z.string().transform((value, ctx): SourceSpec => {
  if (value.startsWith('dir:') && value.length > 4) return { kind: 'dir', path: value.slice(4) };
  if (value.startsWith('git:') && value.length > 4) return { kind: 'git', path: value.slice(4) };
  if ((NETWORK_KINDS as readonly string[]).includes(value)) return { kind: value as (typeof NETWORK_KINDS)[number] };
  ctx.addIssue({ code: 'custom', message: `unknown source "${value}": expected github, registry, seeds, code-search, github-search, awesome-lists, dir:PATH or git:PATH` });
  return z.NEVER;
});

export function describeSource(source: SourceSpec): string {
  return source.kind === 'dir' || source.kind === 'git' ? `${source.kind}:${source.path}` : source.kind;
}

/** The discovery modules a spec stands for (see discover/index.ts); none for `dir:` and `git:`. */
export function discoveryIds(source: SourceSpec): string[] {
  switch (source.kind) {
    case 'dir': return [];
    case 'git': return [];
    case 'github': return ['github-search', 'awesome-lists'];
    default: return [source.kind];
  }
}

/** True when the spec needs GitHub (and so a token). */
export function needsGitHub(source: SourceSpec): boolean {
  return source.kind !== 'dir' && source.kind !== 'git';
}
