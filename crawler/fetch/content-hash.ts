import { createHash } from 'node:crypto';
import type { SourceTree } from './source-tree.ts';

/** A change key for a tree without a commit: the hash of every path and its bytes. */
export function contentHash(tree: SourceTree): string {
  const hash = createHash('sha256');
  for (const path of tree.paths()) {
    hash.update(path).update('\u0000');
    hash.update(tree.read(path) ?? Buffer.alloc(0)).update('\u0000');
  }
  return `sha256:${hash.digest('hex')}`;
}
