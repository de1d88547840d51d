import { z } from 'zod';

/** Where repositories come from (SPEC §3.1): `github`, `registry`, `seeds`, or `dir:PATH`. */
export type SourceSpec = { kind: 'dir'; path: string } | { kind: 'github' } | { kind: 'registry' } | { kind: 'seeds' };

export const SourceArg = z.string().transform((value, ctx): SourceSpec => {
  if (value.startsWith('dir:') && value.length > 4) return { kind: 'dir', path: value.slice(4) };
  if (value === 'github' || value === 'registry' || value === 'seeds') return { kind: value };
  ctx.addIssue({ code: 'custom', message: `unknown source "${value}": expected github, registry, seeds or dir:PATH` });
  return z.NEVER;
});

export function describeSource(source: SourceSpec): string {
  return source.kind === 'dir' ? `dir:${source.path}` : source.kind;
}
