import { openCatalog, type Catalog } from '../../../crawler/store/open.ts';

let catalog: Catalog | undefined;
let catalogFile: string | undefined;

/**
 * The catalog the site is built from, opened read-only once per build. MCP_RISK_DB is made absolute by
 * astro.config.mjs (default: data/catalog.sqlite at the repository root).
 */
export function siteCatalog(): Catalog {
  const file = process.env.MCP_RISK_DB;
  if (!file) throw new Error('MCP_RISK_DB is not set; build the site through astro.config.mjs or buildSite()');
  if (!catalog || catalogFile !== file) {
    catalog?.close();
    catalog = openCatalog(file, { readonly: true });
    catalogFile = file;
  }
  return catalog;
}
