import Database from 'better-sqlite3';
import { closeSync, openSync, readSync } from 'node:fs';

/** The catalog database could not be opened, read or written; the message names the file and says what to do. */
export class CatalogError extends Error {}

/** What the user can do about each SQLite failure (result codes: sqlite.org/rescode.html), by primary code. */
const ADVICE: Record<string, (file: string, detail: string) => string> = {
  SQLITE_BUSY: (file) => `catalog database ${file} is locked: another process is writing to it (a crawl, a merge, or a program holding a transaction open). Wait for it to finish, then run again; a crawl resumes from its last checkpoint.`,
  SQLITE_LOCKED: (file) => `catalog database ${file} is locked by another statement of this process. Run the command again; report it if it persists.`,
  SQLITE_FULL: (file) => `catalog database ${file} cannot grow: the disk is full (or the file reached its size limit). Free disk space, then run again; a crawl resumes from its last checkpoint, and nothing it wrote is half-done.`,
  SQLITE_CORRUPT: (file, detail) => `catalog database ${file} is damaged (${detail}). Restore it from a backup or from the published copy (/catalog.sqlite on the site), or crawl again into a new file with --db NEW_FILE; keep the damaged file for inspection.`,
  SQLITE_NOTADB: (file, detail) => `${file} is not an SQLite database, or its first page is damaged (${detail}). Check the --db path; restore the file from a backup or the published copy, or crawl again into a new file with --db NEW_FILE.`,
  SQLITE_IOERR: (file, detail) => `cannot read or write catalog database ${file} (${detail}). Check the disk it is on (free space, errors), then run again.`,
  SQLITE_READONLY: (file, detail) => `catalog database ${file} cannot be written (${detail}). Check that the file and its folder are writable by this user.`,
  SQLITE_CANTOPEN: (file, detail) => `cannot open catalog database ${file} (${detail}). Check that its folder exists and is readable (and writable, for a crawl).`,
  SQLITE_PERM: (file, detail) => `catalog database ${file} cannot be accessed (${detail}). Check its permissions.`,
};

/** `SQLITE_IOERR_SHORT_READ` → `SQLITE_IOERR`. */
function primaryCode(code: string): string {
  return Object.keys(ADVICE).find((primary) => code === primary || code.startsWith(`${primary}_`)) ?? code;
}

/** True when the file's header says WAL mode (bytes 18 and 19 are 2: sqlite.org/fileformat2.html § 1.3.4). */
function inWalMode(file: string): boolean {
  const header = Buffer.alloc(20);
  try {
    const fd = openSync(file, 'r');
    try {
      readSync(fd, header, 0, header.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
  return header[18] === 2 && header[19] === 2;
}

/**
 * A store failure as the user should read it: SQLite errors become a CatalogError naming the database
 * and saying what to do; anything else is returned unchanged.
 */
export function explainStoreError(file: string, error: unknown): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  // Reading a WAL-mode file needs its -wal and -shm files; in a read-only folder SQLite cannot create
  // them and answers as if the file could not be written, which reads like damage.
  if (/^SQLITE_(READONLY|CANTOPEN)/.test(error.code) && inWalMode(file)) {
    return new CatalogError(`catalog database ${file} is in WAL mode, and SQLite cannot create ${file}-wal and ${file}-shm beside it (${error.message}); the file is not damaged. Copy it into a writable folder to read it. Published copies are written out of WAL mode (crawler/store/publish.ts).`);
  }
  const advice = ADVICE[primaryCode(error.code)];
  if (!advice) return new CatalogError(`catalog database ${file}: ${error.message} (${error.code})`);
  return new CatalogError(advice(file, error.message));
}
