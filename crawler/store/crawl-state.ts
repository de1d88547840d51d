import type { Catalog } from './open.ts';

/** A stored value of a discovery source (cursor, ETag, watermark), kept between runs. */
export function getCrawlState(db: Catalog, key: string): string | null {
  const row = db.prepare('SELECT value FROM crawl_state WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setCrawlState(db: Catalog, key: string, value: string | null): void {
  if (value === null) db.prepare('DELETE FROM crawl_state WHERE key = ?').run(key);
  else db.prepare('INSERT INTO crawl_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
