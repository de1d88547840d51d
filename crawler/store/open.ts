import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CatalogError, explainStoreError } from './catalog-error.ts';
import { MIGRATIONS } from './migrations.ts';

export type Catalog = Database.Database;

export { CatalogError } from './catalog-error.ts';

/**
 * Opens (or creates) the catalog database and brings its schema up to date.
 * `readonly` opens an existing file without migrating it.
 */
export function openCatalog(file: string, options: { readonly?: boolean } = {}): Catalog {
  if (options.readonly && !existsSync(file)) throw new CatalogError(`catalog database ${file} does not exist; run \`mcp-risk crawl\` first`);
  if (!options.readonly && file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let db: Catalog;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    db.pragma('foreign_keys = ON');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    const explained = explainStoreError(file, error);
    if (explained instanceof CatalogError) throw explained;
    throw new CatalogError(`cannot open catalog database ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    if (!options.readonly) migrate(db);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > 0 && version < MIGRATIONS.length) {
      db.close();
      throw new CatalogError(`catalog database ${file} has an older schema (${version} of ${MIGRATIONS.length}); run \`mcp-risk crawl --db ${file}\` to upgrade it`);
    }
    if (version !== MIGRATIONS.length) throw new Error(`schema version ${version}, expected ${MIGRATIONS.length}`);
  } catch (error) {
    if (error instanceof CatalogError) throw error;
    db.close();
    const explained = explainStoreError(file, error);
    if (explained instanceof CatalogError) throw explained;
    throw new CatalogError(`${file} is not an mcp-risk catalog database: ${error instanceof Error ? error.message : String(error)}`);
  }
  return db;
}

/**
 * Opens the catalog, runs `work` on it and closes it; a store failure on the way (locked, full disk,
 * damaged pages) becomes a CatalogError that names the file and says what to do, not a stack trace.
 */
export async function withCatalog<T>(file: string, options: { readonly?: boolean }, work: (db: Catalog) => T | Promise<T>): Promise<T> {
  const db = openCatalog(file, options);
  try {
    return await work(db);
  } catch (error) {
    throw explainStoreError(file, error);
  } finally {
    db.close();
  }
}

function migrate(db: Catalog): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) throw new Error(`schema version ${version} is newer than this mcp-risk (${MIGRATIONS.length})`);
  for (let next = version; next < MIGRATIONS.length; next++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[next]);
      db.pragma(`user_version = ${next + 1}`);
    })();
  }
}
