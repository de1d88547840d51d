import Database from 'better-sqlite3';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Catalog } from './open.ts';

/**
 * Writes the copy of the catalog that is published (`/catalog.sqlite` on the site): one self-contained
 * file in rollback-journal mode (`journal_mode = DELETE`). The working catalog is in WAL mode, and a
 * WAL-mode file cannot be opened read-only where its `-wal` and `-shm` files cannot be created (a
 * read-only folder or mount): SQLite answers "attempt to write a readonly database", which reads like
 * damage. `VACUUM INTO` takes a consistent snapshot even while a crawl writes, including what is still
 * in the WAL, and the copy is switched to DELETE mode explicitly (whatever the SQLite version writes).
 *
 * A crawl's working state (its checkpoint and queue, which names local folders) is not catalog data:
 * it is dropped from the copy, with `secure_delete` so that the freed pages do not keep it.
 * The copy is written beside `destination` and renamed over it, so readers never see half a file.
 */
export function publishCatalog(db: Catalog, destination: string): void {
  mkdirSync(dirname(destination), { recursive: true });
  const partial = join(dirname(destination), `.${basename(destination)}.partial`);
  rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
      copy.pragma('secure_delete = ON');
      copy.transaction(() => {
        copy.exec('DELETE FROM crawl_queue; DELETE FROM crawl_checkpoints;');
      })();
    } finally {
      copy.close();
    }
    renameSync(partial, destination);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}
