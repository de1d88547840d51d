import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { localTree, type SourceTree } from '../fetch/source-tree.ts';
import { InputError } from './errors.ts';

/** True when `path` names an existing folder. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A local checkout named on the command line, checked before any work starts. */
export function checkoutArg(path: string): { tree: SourceTree; name: string; dir: string } {
  const dir = resolve(path);
  if (!existsSync(dir)) throw new InputError(`${path}: no such directory`);
  if (!isDirectory(dir)) throw new InputError(`${path}: not a directory (give the folder of a server's checkout)`);
  try {
    return { tree: localTree(dir), name: basename(dir), dir };
  } catch (error) {
    throw new InputError(`${path}: cannot read (${error instanceof Error ? error.message : String(error)})`);
  }
}
