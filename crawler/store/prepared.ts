import type { Statement } from 'better-sqlite3';
import type { Catalog } from './open.ts';

const cache = new WeakMap<Catalog, Map<string, Statement>>();

/** A prepared statement, compiled once per database connection (crawls store thousands of rows). */
export function prepared(db: Catalog, sql: string): Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
