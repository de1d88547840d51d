/**
 * Indexes the built site with Pagefind's Node API (its binary comes from the @pagefind/<platform>
 * package; no network). Only pages whose <main> has data-pagefind-body are indexed: tool and server
 * pages, with the risk, category, language and kind filters they carry.
 */
export async function indexSite(outDir: string): Promise<{ pages: number }> {
  let pagefind: typeof import('pagefind');
  try {
    pagefind = await import('pagefind');
  } catch (error) {
    throw new Error(`the search index needs the pagefind package (npm install pagefind): ${error instanceof Error ? error.message : String(error)}`);
  }
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}
