import { z } from 'zod';
import type { ExtractionWarning } from '../model/index.ts';

/** Entries kept in a sample: enough to see what happened, too few to cost memory. */
export const MAX_SKIPPED_SAMPLE = 20;

/** One entry of a repository left out, and why: shown to the user as a warning. */
export const SkippedEntry = z.object({ path: z.string(), reason: z.string() });
export type SkippedEntry = z.infer<typeof SkippedEntry>;

/**
 * Entries left out of a tree: how many, and the first few. A hostile archive or checkout can hold
 * millions of links or unreadable names, so only the count grows with it.
 */
export const SkippedEntries = z.object({
  count: z.number().int().nonnegative(),
  sample: z.array(SkippedEntry).max(MAX_SKIPPED_SAMPLE),
});
export type SkippedEntries = z.infer<typeof SkippedEntries>;

/** Characters of a path kept in a record (tar paths reach 4 MB; PATH_MAX is 4,096 bytes). */
const MAX_RECORDED_PATH = 300;

export function noneSkipped(): SkippedEntries {
  return { count: 0, sample: [] };
}

/** Counts an entry; keeps it, its path shortened, while the sample has room. */
export function recordSkipped(skipped: SkippedEntries, path: string, reason: string): void {
  skipped.count++;
  if (skipped.sample.length >= MAX_SKIPPED_SAMPLE) return;
  const shown = path.length > MAX_RECORDED_PATH ? `${path.slice(0, MAX_RECORDED_PATH)}… (${path.length} characters)` : path;
  skipped.sample.push({ path: shown, reason });
}

/** The entries as extraction warnings: the sample, then one line for the rest. */
export function skippedWarnings(skipped: SkippedEntries): ExtractionWarning[] {
  const warnings = skipped.sample.map((entry) => ({ file: entry.path, message: `skipped: ${entry.reason}` }));
  const rest = skipped.count - skipped.sample.length;
  if (rest > 0) warnings.push({ file: '.', message: `skipped: ${rest} more entries not listed` });
  return warnings;
}

/** The reason for a file over the per-file cap; the same words for archives and folders. */
export function tooLarge(size: number, cap: number): string {
  return `file of ${size} bytes exceeds the ${cap}-byte cap`;
}
