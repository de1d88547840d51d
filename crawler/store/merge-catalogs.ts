import { existsSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { explainStoreError } from './catalog-error.ts';
import { openCatalog, type Catalog } from './open.ts';
import { shortHash } from './slug.ts';

/** Tables that describe one crawl in progress, not the catalog: never merged. */
const NOT_MERGED = new Set(['crawl_checkpoints', 'crawl_queue', 'crawl_state']);
/** Columns that name a crawl run without a foreign key. */
const RUN_COLUMNS = new Set(['run_id', 'first_seen_run', 'changed_run', 'swept_run']);

export interface MergeResult {
  inputs: number;
  repositories: number;
  servers: number;
  tools: number;
  renamedSlugs: number;
}

interface ForeignKey {
  table: string;
  from: string;
  to: string;
}

function tablesInOrder(db: Catalog): string[] {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
    .map((r) => r.name).filter((t) => !NOT_MERGED.has(t));
  const parents = new Map(tables.map((t) => [t, (db.pragma(`foreign_key_list(${t})`) as ForeignKey[]).map((fk) => fk.table).filter((p) => p !== t)]));
  const ordered: string[] = [];
  const visit = (table: string): void => {
    if (ordered.includes(table)) return;
    for (const parent of parents.get(table) ?? []) if (tables.includes(parent)) visit(parent);
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered;
}

/**
 * Merges shard catalogs (`crawl --shard i/n`) into one: integer ids are shifted past those already there,
 * foreign keys and run numbers follow, a repository in two inputs keeps the later input's copy, and a server
 * slug taken by another repository gets a short hash suffix, as the crawler does.
 */
export function mergeCatalogs(inputs: string[], output: string): MergeResult {
  for (const input of inputs) openCatalog(input, { readonly: true }).close();
  const db = openCatalog(output);
  const result: MergeResult = { inputs: inputs.length, repositories: 0, servers: 0, tools: 0, renamedSlugs: 0 };
  try {
    const tables = tablesInOrder(db);
    for (const input of inputs) {
      try {
        db.prepare('ATTACH DATABASE ? AS src').run(input);
        try {
          db.transaction(() => mergeOne(db, tables, result))();
        } finally {
          db.prepare('DETACH DATABASE src').run();
        }
      } catch (error) {
        // A full disk or a read-only folder is the output's; anything else (damage, a lock) the input's.
        const code = error instanceof Database.SqliteError ? error.code : '';
        throw explainStoreError(/^SQLITE_(FULL|READONLY)/.test(code) ? output : input, error);
      }
    }
  } catch (error) {
    // A half-merged catalog is worse than none: the next `merge` refuses an existing output.
    db.close();
    for (const file of [output, `${output}-wal`, `${output}-shm`]) rmSync(file, { force: true });
    throw error;
  }
  db.close();
  return result;
}

function mergeOne(db: Catalog, tables: string[], result: MergeResult): void {
  const offsets = new Map<string, number>();
  for (const table of tables) {
    const pk = (db.pragma(`table_info(${table})`) as { name: string; type: string; pk: number }[]).filter((c) => c.pk > 0);
    if (pk.length === 1 && pk[0].name === 'id' && /INT/i.test(pk[0].type)) {
      offsets.set(table, (db.prepare(`SELECT coalesce(max(id), 0) AS n FROM main.${table}`).get() as { n: number }).n);
    }
  }
  db.prepare('DELETE FROM main.repositories WHERE id IN (SELECT id FROM src.repositories)').run();
  for (const table of tables) {
    const exists = db.prepare("SELECT 1 FROM src.sqlite_master WHERE type = 'table' AND name = ?").get(table);
    if (!exists) continue;
    const columns = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
    const srcColumns = new Set((db.prepare(`SELECT name FROM pragma_table_info(?, 'src')`).all(table) as { name: string }[]).map((c) => c.name));
    const fks = db.pragma(`foreign_key_list(${table})`) as ForeignKey[];
    const expression = (column: string): string => {
      if (!srcColumns.has(column)) return 'NULL';
      const fk = fks.find((f) => f.from === column && f.to === 'id');
      if (column === 'id' && offsets.has(table)) return `id + ${offsets.get(table)}`;
      if (fk && offsets.has(fk.table)) return `${column} + ${offsets.get(fk.table)}`;
      if (RUN_COLUMNS.has(column) && offsets.has('crawl_runs')) return `${column} + ${offsets.get('crawl_runs')}`;
      return column;
    };
    const list = columns.filter((c) => srcColumns.has(c));
    const select = `SELECT ${list.map(expression).join(', ')} FROM src.${table}`;
    if (table === 'servers') {
      mergeServers(db, list, select, result);
      continue;
    }
    const verb = table === 'crawl_candidates' ? 'INSERT OR REPLACE' : 'INSERT';
    const changes = db.prepare(`${verb} INTO main.${table} (${list.join(', ')}) ${select}`).run().changes;
    if (table === 'repositories') result.repositories += changes;
    if (table === 'tools') result.tools += changes;
  }
}

function mergeServers(db: Catalog, columns: string[], select: string, result: MergeResult): void {
  const insert = db.prepare(`INSERT INTO main.servers (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
  const slugTaken = db.prepare('SELECT 1 FROM main.servers WHERE slug = ?');
  const taken = (slug: string): boolean => slugTaken.get(slug) !== undefined;
  for (const row of db.prepare(select).all() as Record<string, unknown>[]) {
    const server = Object.fromEntries(columns.map((c, i) => [c, Object.values(row)[i]]));
    if (taken(String(server.slug))) {
      // As save-repository does: the key's hash, then -2, -3… should a server already hold that too.
      const base = `${String(server.slug)}-${shortHash(`${String(server.repo_id)}/${String(server.path)}`)}`;
      let slug = base;
      for (let n = 2; taken(slug); n++) slug = `${base}-${n}`;
      server.slug = slug;
      result.renamedSlugs++;
    }
    insert.run(server);
    result.servers++;
  }
}

export function outputExists(path: string): boolean {
  return existsSync(path);
}
