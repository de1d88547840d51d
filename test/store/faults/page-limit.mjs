// Preloaded with `node --import` into the real CLI: every SQLite connection of the process is capped at
// MCP_RISK_TEST_MAX_PAGES pages (PRAGMA max_page_count), so the catalog cannot grow past it and SQLite
// answers SQLITE_FULL, exactly as on a full disk. The cap is per connection, hence the preload: set on
// the first pragma each connection runs (openCatalog's `foreign_keys = ON`).
import { createRequire } from 'node:module';

const Database = createRequire(import.meta.url)('better-sqlite3');
const pages = Number(process.env.MCP_RISK_TEST_MAX_PAGES);
if (!Number.isInteger(pages) || pages < 1) throw new Error('page-limit.mjs: set MCP_RISK_TEST_MAX_PAGES to a positive integer');

const capped = new WeakSet();
const pragma = Database.prototype.pragma;
Database.prototype.pragma = function capFirst(...args) {
  if (!capped.has(this)) {
    capped.add(this);
    pragma.call(this, `max_page_count = ${pages}`);
  }
  return pragma.apply(this, args);
};
