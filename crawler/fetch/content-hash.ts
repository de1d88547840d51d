import { createHash } from 'node:crypto';
import type { SourceTree } from './source-tree.ts';

/**
 * A change key for a tree without a commit: the hash of every path and its bytes, streamed (a file is
 * never held whole), then of what was skipped and why when anything was.
 */
export function contentHash(tree: SourceTree): string {
  const hash = createHash('sha256');
  for (const path of tree.paths()) {
    hash.update(path).update('\u0000');
    for (const piece of tree.readPieces(path)) hash.update(piece);
    hash.update('\u0000');
  }
  if (tree.skipped.count > 0) {
    hash.update(`skipped ${tree.skipped.count}\u0000`);
    for (const entry of tree.skipped.sample) hash.update(entry.path).update('\u0000').update(entry.reason).update('\u0000');
  }
  return `sha256:${hash.digest('hex')}`;
}
