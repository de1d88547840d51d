import { grammarOf, isSkippedPath, MAX_SOURCE_BYTES } from '../extract/files.ts';

/** Caps on what one archive may cost us (SPEC §3.2, §10). */
export interface ArchiveLimits {
  /** A kept file larger than this is skipped (the extractor would not parse it anyway). */
  maxFileBytes: number;
  /** Kept bytes per archive; beyond it the archive is refused. */
  maxKeptBytes: number;
  /** Bytes decompressed per archive, kept or not; beyond it the archive is refused as a bomb. */
  maxExpandedBytes: number;
  /** Decompressed-to-compressed ratio beyond which (after 16 MB) the archive is refused as a bomb. */
  maxRatio: number;
  maxEntries: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxFileBytes: MAX_SOURCE_BYTES,
  maxKeptBytes: 64 * 1024 * 1024,
  maxExpandedBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
  maxEntries: 200_000,
};

/** Caps on what one local checkout may cost us: the archive's, plus one for documents that are not source. */
export interface LocalTreeLimits extends Pick<ArchiveLimits, 'maxFileBytes' | 'maxKeptBytes' | 'maxEntries'> {
  /** A file that is neither source nor manifest (an OpenAPI spec an extractor may read) larger than this is left out. */
  maxDataFileBytes: number;
}

export const DEFAULT_LOCAL_TREE_LIMITS: LocalTreeLimits = {
  maxFileBytes: DEFAULT_ARCHIVE_LIMITS.maxFileBytes,
  maxKeptBytes: DEFAULT_ARCHIVE_LIMITS.maxKeptBytes,
  maxEntries: DEFAULT_ARCHIVE_LIMITS.maxEntries,
  // The largest document an extractor reads (OpenAPI specs, extract/languages/typescript/openapi.ts).
  maxDataFileBytes: 20 * 1024 * 1024,
};

/** Manifests the extractor reads besides source files. */
const MANIFEST = /(^|\/)(package\.json|tsconfig\.json|jsconfig\.json|pyproject\.toml|setup\.cfg|requirements[^/]*\.txt|Pipfile|go\.mod|Cargo\.toml|pom\.xml|build\.gradle(\.kts)?|manifest\.json|server\.json|[^/]+\.csproj)$/;

/** Only source and manifest files are kept; tests, vendored code and build output are not. */
export function isCrawledFile(path: string): boolean {
  if (isSkippedPath(path)) return false;
  return MANIFEST.test(path) || grammarOf(path) !== null;
}
