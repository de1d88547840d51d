import type { QualityFigures } from './quality.ts';

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

/** The quality figures as a screenful of text (for `mcp-risk stats --quality`). */
export function formatQuality(q: QualityFigures): string {
  const out: string[] = [];
  out.push(`${q.repositories.total} repositories (${q.repositories.failed.length} failed, ${q.repositories.withoutServers.length} without a server), ${q.servers} servers, ${q.tools} tools`);
  out.push(`servers per repository: ${Object.entries(q.serversPerRepository).map(([k, n]) => `${k}: ${n}`).join(', ')}`);
  const z = q.zeroToolServers;
  out.push(`servers with no tool: ${z.count} (${percent(z.share)}) — ${Object.entries(z.byReason).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  out.push(`  not counting those with a dynamic record: ${z.excludingDynamic} (${percent(z.shareExcludingDynamic)}); not counting only those generated from a description: ${z.excludingGenerated} (${percent(z.shareExcludingGenerated)})`);
  out.push(`unknown category: ${percent(q.unknownCategoryRate)}; low confidence: classification ${percent(q.lowConfidenceRate.classification)}, extraction ${percent(q.lowConfidenceRate.extraction)}`);
  out.push(`names not resolved: ${percent(q.unresolvedNameRate)}; no description: ${percent(q.missingDescriptionRate)}`);
  out.push(`extraction warnings: ${q.extractionWarnings.total} in ${q.extractionWarnings.repositories} repositories`);
  out.push(`category: ${Object.entries(q.categories).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  out.push(`risk:     ${Object.entries(q.risks).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  out.push(`PolicyLayer categories, ours | published (${q.policyLayer.published.tools.toLocaleString('en-US')} tools):`);
  for (const [category, ours] of Object.entries(q.policyLayer.ours)) {
    const published = q.policyLayer.published.share[category as keyof typeof q.policyLayer.published.share];
    out.push(`  ${category.padEnd(25)} ${percent(ours).padStart(6)} | ${percent(published).padStart(6)}`);
  }
  const line = (s: QualityFigures['worstServers'][number]): string => `  ${s.server} (${s.repository}, ${s.sdk}): ${s.zeroToolReason
    ? `no tool (${s.zeroToolReason}, ${s.dynamic} dynamic records)`
    : `${s.problems} of ${s.tools}: ${s.unknown} unknown, ${s.lowConfidence} low confidence, ${s.unresolvedNames} unresolved names`}`;
  out.push('worst servers (no tool though not generated from a description, then the most tools to review):');
  for (const s of q.worstServers) out.push(line(s));
  out.push('servers with tools, by tools to review (unknown category, low confidence or unresolved name):');
  for (const s of q.mostToReview) out.push(line(s));
  if (q.repositories.withoutServers.length > 0) {
    out.push(`repositories where no server was found: ${Object.entries(q.repositories.withoutServersByReason).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    for (const r of q.repositories.withoutServers) out.push(`  ${r.repository}: ${r.note?.replace(/^no MCP server found: /, '') ?? r.reason}`);
  }
  return out.join('\n');
}
