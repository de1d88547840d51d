import { isUtf8 } from 'node:buffer';
import { join } from 'node:path';
import { isSkippedPath } from '../extract/files.ts';
import { DEFAULT_LOCAL_TREE_LIMITS, isCrawledFile, type LocalTreeLimits } from './archive-limits.ts';
import { runGit, withShadowGitDir, type GitObjects } from './git-command.ts';
import { checkObjectStore, GitRefused } from './git-head.ts';
import { noneSkipped, recordSkipped, type SkippedEntries } from './skipped.ts';
import { memoryTree, type SourceTree } from './source-tree.ts';
import { keptWithinCaps, type Found } from './walk-folder.ts';

/** Documents an extractor may read besides source and manifests (OpenAPI specs); other files are not read. */
const DATA_FILE = /\.(json|ya?ml)$/i;
/** Longest path kept, as on Linux (PATH_MAX), as for archives. */
const MAX_PATH_BYTES = 4096;
const OBJECT_ID = /^[0-9a-f]{40}$/;
/** An `ls-tree` record of a path we keep, with its mode, type, id and size. */
const MAX_RECORD_BYTES = MAX_PATH_BYTES + 128;

export interface GitTreeRequest {
  /** The repository's git directory (bare, or the `.git` of a clone). */
  gitDir: string;
  /** The commit to read, 40 hex digits. */
  commit: string;
  /** For messages: `owner/name@commit`. */
  label: string;
}

interface Listing {
  found: Found[];
  objectOf: Map<string, string>;
  skipped: SkippedEntries;
}

/**
 * The files of a repository at one commit, read from its git directory without a checkout: the tree is
 * listed with `ls-tree` and the kept blobs read with one `cat-file --batch`, both over a git directory of
 * our own (the crawled one's config, hooks and attributes are never read). The same caps and filters as a
 * local folder or an archive: source and manifests under the per-file cap, documents an extractor reads,
 * the per-repository total; links, submodules, names that are not UTF-8 and paths that climb out are
 * skipped with the reason.
 */
export async function readGitTree(request: GitTreeRequest, limits: LocalTreeLimits = DEFAULT_LOCAL_TREE_LIMITS): Promise<SourceTree> {
  if (!/^[0-9a-f]{40}$/.test(request.commit)) throw new GitRefused(`not a commit id: ${request.commit}`);
  checkObjectStore(request.gitDir);
  const objects: GitObjects = { objectsDir: join(request.gitDir, 'objects') };
  return withShadowGitDir(async (shadow) => {
    const listing = await listTree(shadow, objects, request.commit, limits);
    const kept = keptWithinCaps(listing.found, limits, listing.skipped);
    const wanted = [...new Set([...kept.keys()].map((path) => listing.objectOf.get(path) as string))];
    const blobs = await readBlobs(shadow, objects, wanted, Math.max(limits.maxFileBytes, limits.maxDataFileBytes));
    const files: Record<string, Buffer> = {};
    for (const path of kept.keys()) {
      const bytes = blobs.get(listing.objectOf.get(path) as string);
      if (bytes) files[path] = bytes;
      else recordSkipped(listing.skipped, path, 'object missing from the repository');
    }
    return memoryTree(request.label, files, listing.skipped);
  });
}

/** Every entry of the commit's tree, split into files worth reading and entries skipped with a reason. */
async function listTree(shadow: string, objects: GitObjects, commit: string, limits: LocalTreeLimits): Promise<Listing> {
  const listing: Listing = { found: [], objectOf: new Map(), skipped: noneSkipped() };
  let entries = 0;
  let tooMany = false;
  let rest = Buffer.alloc(0);
  // Inside a record longer than any path we keep: its bytes are dropped up to the next NUL, never parsed.
  let discarding = false;
  let longHead = Buffer.alloc(0);
  const take = (record: Buffer): void => {
    if (++entries > limits.maxEntries) {
      tooMany = true;
      return;
    }
    if (discarding) {
      discarding = false;
      recordSkipped(listing.skipped, longHead.subarray(longHead.indexOf(9) + 1).toString('utf8'), `path longer than ${MAX_PATH_BYTES} bytes`);
      return;
    }
    if (record.length > 0) classifyEntry(record, listing);
  };
  await runGit(shadow, objects, {
    args: ['ls-tree', '-r', '-l', '-z', '--full-tree', commit],
    onData(piece) {
      let data = rest.length > 0 ? Buffer.concat([rest, piece]) : piece;
      for (let end = data.indexOf(0); end >= 0 && !tooMany; end = data.indexOf(0)) {
        take(data.subarray(0, end));
        data = data.subarray(end + 1);
      }
      rest = Buffer.from(data);
      if (rest.length > MAX_RECORD_BYTES) {
        // The start names the path in the skip record; the rest of this record is dropped as it comes.
        if (!discarding) longHead = Buffer.from(rest.subarray(0, 512));
        rest = Buffer.alloc(0);
        discarding = true;
      }
      return !tooMany;
    },
  });
  if (tooMany) throw new GitRefused(`more than ${limits.maxEntries} entries`);
  return listing;
}

/** One `ls-tree -l -z` record: `<mode> <type> <object> <size>\t<path>`. */
function classifyEntry(record: Buffer, listing: Listing): void {
  const tab = record.indexOf(9);
  if (tab < 0) return;
  const [mode, type, object, size] = record.subarray(0, tab).toString('latin1').split(/ +/);
  const bytes = record.subarray(tab + 1);
  const path = bytes.toString('utf8');
  const crawled = isCrawledFile(path);
  const parts = path.split('/');
  if (!isUtf8(bytes)) {
    if (crawled) recordSkipped(listing.skipped, path, 'name is not valid UTF-8');
  } else if (parts.some((part) => part === '' || part === '.' || part === '..')) {
    recordSkipped(listing.skipped, path, 'path escapes the repository root');
  } else if (bytes.length > MAX_PATH_BYTES) {
    if (crawled) recordSkipped(listing.skipped, path, `path longer than ${MAX_PATH_BYTES} bytes`);
  } else if (type === 'commit') {
    if (!isSkippedPath(`${path}/x`)) recordSkipped(listing.skipped, path, 'submodule not followed');
  } else if (mode === '120000') {
    if (crawled) recordSkipped(listing.skipped, path, 'symlink not followed');
  } else if (type === 'blob' && OBJECT_ID.test(object) && (crawled || DATA_FILE.test(path))) {
    // ls-tree prints BAD for the size of a blob the object store lacks.
    if (!/^\d+$/.test(size ?? '')) return recordSkipped(listing.skipped, path, 'object missing from the repository');
    listing.found.push({ path, size: Number(size) });
    listing.objectOf.set(path, object);
  }
}

/**
 * The blobs' bytes by object id, from one `cat-file --batch` (`<id> blob <size>\n<bytes>\n` each, or
 * `<id> missing`). A blob larger than `cap` is refused: its size was checked when it was listed.
 */
async function readBlobs(shadow: string, objects: GitObjects, ids: string[], cap: number): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>();
  if (ids.length === 0) return blobs;
  let header = Buffer.alloc(0);
  let body: { id: string; bytes: Buffer; filled: number } | null = null;
  let skipNewline = false;
  let failure: Error | null = null;
  const feed = (piece: Buffer): void => {
    let data = piece;
    while (data.length > 0) {
      if (skipNewline) {
        data = data.subarray(1);
        skipNewline = false;
        continue;
      }
      if (body) {
        const n = Math.min(body.bytes.length - body.filled, data.length);
        data.copy(body.bytes, body.filled, 0, n);
        body.filled += n;
        data = data.subarray(n);
        if (body.filled === body.bytes.length) {
          blobs.set(body.id, body.bytes);
          body = null;
          skipNewline = true;
        }
        continue;
      }
      const newline = data.indexOf(10);
      if (newline < 0) {
        header = Buffer.concat([header, data]);
        if (header.length > 200) throw new GitRefused('git cat-file answered with an unreadable header');
        return;
      }
      const line = Buffer.concat([header, data.subarray(0, newline)]).toString('latin1');
      header = Buffer.alloc(0);
      data = data.subarray(newline + 1);
      const [id, type, size] = line.split(' ');
      if (type === 'missing') continue;
      const length = Number(size);
      if (type !== 'blob' || !Number.isInteger(length) || length < 0 || length > cap) throw new GitRefused(`object ${id} is not a blob within the ${cap}-byte cap`);
      body = { id, bytes: Buffer.allocUnsafe(length), filled: 0 };
      if (length === 0) {
        blobs.set(id, body.bytes);
        body = null;
        skipNewline = true;
      }
    }
  };
  await runGit(shadow, objects, {
    args: ['cat-file', '--batch'],
    input: Buffer.from(`${ids.join('\n')}\n`),
    onData(piece) {
      try {
        feed(piece);
        return true;
      } catch (error) {
        failure = error as Error;
        return false;
      }
    },
  });
  if (failure) throw failure;
  return blobs;
}
