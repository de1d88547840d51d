import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CatalogError } from './catalog-error.ts';

export interface CrawlLock {
  /** The side file that holds the lock. */
  file: string;
  release(): void;
}

/** The side file beside the catalog; it stays after the crawl (deleting it would race with the next crawl opening it). */
export function crawlLockFile(catalogFile: string): string {
  return `${catalogFile}-crawl.lock`;
}

/**
 * One crawl per catalog at a time. Two crawls would resume the same checkpoint and work through the same
 * queue, so a second crawl fails fast, naming the database, instead of waiting (a crawl can take hours)
 * or interleaving. The lock is an exclusive SQLite transaction on a side file: the operating system
 * drops it when the process ends, even on `kill -9`, so a killed crawl never leaves a stale lock.
 * Readers (the site build, `stats`, `export`) are not affected: the catalog itself is not locked.
 */
export function acquireCrawlLock(catalogFile: string): CrawlLock {
  const file = crawlLockFile(catalogFile);
  let lock: Database.Database;
  try {
    mkdirSync(dirname(file), { recursive: true });
    lock = new Database(file);
    lock.pragma('busy_timeout = 0');
  } catch (error) {
    throw new CatalogError(`cannot create the crawl lock ${file} beside catalog database ${catalogFile} (${error instanceof Error ? error.message : String(error)}). Check that the folder is writable.`);
  }
  try {
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock.close();
    if (error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY')) {
      throw new CatalogError(`another crawl is running on catalog database ${catalogFile} (it holds ${file}). Wait for it to finish, or crawl into another file with --db; the next crawl resumes where the last one stopped.`);
    }
    throw error;
  }
  return {
    file,
    release() {
      if (!lock.open) return;
      lock.exec('ROLLBACK');
      lock.close();
    },
  };
}
