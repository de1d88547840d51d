import { visible } from '../cli/terminal-text.ts';
import { MAX_SKIPPED_SAMPLE, type SkippedEntries } from '../fetch/skipped.ts';
import { redactSecrets } from '../github/redact.ts';

/** Per-stage figures of a run. */
export interface StageStats {
  durationMs: number;
  count: number;
  failures: number;
}

export interface SourceStats {
  discovered: number;
  withdrawn: number;
  durationMs: number;
  error: string | null;
}

export interface CrawlFailure {
  repository: string;
  stage: string;
  error: string;
}

export interface SkippedInRun {
  repository: string;
  path: string;
  reason: string;
}

export const STAGES = ['discover', 'sweep', 'fetch', 'analyze', 'store'] as const;
export type Stage = (typeof STAGES)[number];

export interface CrawlSummary {
  runId: number;
  status: 'ok' | 'partial' | 'failed' | 'stopped';
  /** Why a run stopped at a checkpoint (a rate limit it would not wait for). */
  stoppedReason: string | null;
  resumed: boolean;
  sources: string[];
  shard: string | null;
  repositories: number;
  servers: number;
  tools: number;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  /** Repositories whose head commit had not moved: not downloaded. */
  skippedUnchanged: number;
  removedRepositories: number;
  dynamic: number;
  warnings: number;
  failures: CrawlFailure[];
  /** Files and folders left out of the repositories (links, files over a cap, unreadable folders): a count and a sample. */
  skipped: { count: number; sample: SkippedInRun[] };
  byRisk: Record<string, number>;
  stages: Record<Stage, StageStats>;
  bySource: Record<string, SourceStats>;
  /** Requests per rate-limit bucket (metered: core, search, code_search, graphql) and per host. */
  requests: Record<string, number>;
  archives: { downloaded: number; cached: number; refused: number; compressedBytes: number; skippedEntries: number };
  sweep: { queries: number; points: number; shrunk: number; missing: number };
  durationMs: number;
}

export function emptySummary(runId: number, sources: string[], shard: string | null): CrawlSummary {
  const stage = (): StageStats => ({ durationMs: 0, count: 0, failures: 0 });
  return {
    runId, status: 'ok', stoppedReason: null, resumed: false, sources, shard, repositories: 0, servers: 0, tools: 0,
    added: 0, changed: 0, removed: 0, unchanged: 0, skippedUnchanged: 0, removedRepositories: 0, dynamic: 0, warnings: 0,
    failures: [], skipped: { count: 0, sample: [] }, byRisk: { low: 0, medium: 0, high: 0, critical: 0 },
    stages: { discover: stage(), sweep: stage(), fetch: stage(), analyze: stage(), store: stage() },
    bySource: {}, requests: {}, archives: { downloaded: 0, cached: 0, refused: 0, compressedBytes: 0, skippedEntries: 0 },
    sweep: { queries: 0, points: 0, shrunk: 0, missing: 0 }, durationMs: 0,
  };
}

/** Adds what one repository (or a `dir:` collection) left out to the run's count and bounded sample. */
export function addSkipped(summary: CrawlSummary, repository: string, skipped: SkippedEntries): void {
  summary.skipped.count += skipped.count;
  for (const entry of skipped.sample) {
    if (summary.skipped.sample.length >= MAX_SKIPPED_SAMPLE) break;
    summary.skipped.sample.push({ repository, ...entry });
  }
}

const skippedCount = (n: number): string => `${n} ${n === 1 ? 'file or folder' : 'files or folders'} skipped`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
/** Text from a server or a repository, for the terminal: redacted again, control characters made visible. */
const shown = (text: string): string => visible(redactSecrets(text));
/**
 * The same for a Markdown table cell of the job summary: no raw HTML (GitHub renders it, images
 * included), no cell breaks, no control characters.
 */
const cell = (text: string): string =>
  visible(redactSecrets(text).replace(/\r?\n/g, ' ').slice(0, 300))
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');

/** The one-screen text summary printed at the end of a crawl. */
export function formatSummaryText(summary: CrawlSummary, db: string): string {
  const risks = Object.entries(summary.byRisk).map(([risk, n]) => `${n} ${risk}`).join(', ');
  const lines = [
    `crawl #${summary.runId} ${summary.status}${summary.resumed ? ' (resumed)' : ''} in ${seconds(summary.durationMs)} from ${shown(summary.sources.join(', '))}${summary.shard ? `, shard ${summary.shard}` : ''}`,
    `  ${summary.repositories} repositories analysed, ${summary.skippedUnchanged} unchanged (not downloaded), ${summary.removedRepositories} removed`,
    `  ${summary.servers} servers, ${summary.tools} tools (${risks})`,
    `  changes: ${summary.added} added, ${summary.changed} changed, ${summary.removed} removed, ${summary.unchanged} unchanged`,
    `  ${summary.dynamic} dynamic registrations, ${summary.warnings} extraction warnings`,
  ];
  const requests = Object.entries(summary.requests).map(([bucket, n]) => `${bucket} ${n}`).join(', ');
  if (requests) lines.push(`  requests: ${requests}; archives: ${summary.archives.downloaded} downloaded, ${summary.archives.cached} cached, ${summary.archives.refused} refused`);
  for (const stage of STAGES) {
    const s = summary.stages[stage];
    if (s.count > 0 || s.failures > 0) lines.push(`  ${stage}: ${s.count} in ${seconds(s.durationMs)}${s.failures ? `, ${s.failures} failed` : ''}`);
  }
  for (const [source, s] of Object.entries(summary.bySource)) {
    lines.push(`  source ${shown(source)}: ${s.discovered} named, ${s.withdrawn} withdrawn in ${seconds(s.durationMs)}${s.error ? ` — failed: ${shown(s.error)}` : ''}`);
  }
  if (summary.skipped.count > 0) lines.push(`  ${skippedCount(summary.skipped.count)} (not read):`);
  for (const entry of summary.skipped.sample.slice(0, 10)) lines.push(`    ${shown(entry.repository)}: ${shown(entry.path)}: ${shown(entry.reason)}`);
  if (summary.skipped.count > 10) lines.push(`    … and ${summary.skipped.count - 10} more`);
  if (summary.stoppedReason) lines.push(`  stopped at a checkpoint: ${shown(summary.stoppedReason)} (the next run resumes)`);
  for (const failure of summary.failures.slice(0, 50)) lines.push(`  failed (${failure.stage}): ${shown(failure.repository)}: ${shown(failure.error)}`);
  if (summary.failures.length > 50) lines.push(`  … and ${summary.failures.length - 50} more failures`);
  lines.push(`  catalog: ${visible(db)}`);
  return lines.join('\n');
}

/** The same as Markdown, for the GitHub Actions job summary (endoflife-date style: a table per stage and source). */
export function formatSummaryMarkdown(summary: CrawlSummary): string {
  const lines = [
    `## mcp-risk crawl #${summary.runId}: ${summary.status}${summary.resumed ? ' (resumed)' : ''}`,
    '',
    `${summary.repositories} repositories analysed, ${summary.skippedUnchanged} unchanged, ${summary.removedRepositories} removed; `
      + `${summary.servers} servers, ${summary.tools} tools; ${summary.added} added, ${summary.changed} changed, ${summary.removed} removed. `
      + `Took ${seconds(summary.durationMs)}${summary.shard ? ` (shard ${summary.shard})` : ''}.`,
    '',
    '| stage | count | failures | duration |',
    '|---|---:|---:|---:|',
    ...STAGES.map((stage) => `| ${stage} | ${summary.stages[stage].count} | ${summary.stages[stage].failures} | ${seconds(summary.stages[stage].durationMs)} |`),
    '',
    '| source | named | withdrawn | duration | error |',
    '|---|---:|---:|---:|---|',
    ...Object.entries(summary.bySource).map(([id, s]) => `| ${cell(id)} | ${s.discovered} | ${s.withdrawn} | ${seconds(s.durationMs)} | ${cell(s.error ?? '')} |`),
    '',
    '| requests | count |',
    '|---|---:|',
    ...Object.entries(summary.requests).map(([bucket, n]) => `| ${bucket} | ${n} |`),
    `| archives downloaded / cached / refused | ${summary.archives.downloaded} / ${summary.archives.cached} / ${summary.archives.refused} |`,
    `| GraphQL sweep queries / points / batch shrinks | ${summary.sweep.queries} / ${summary.sweep.points} / ${summary.sweep.shrunk} |`,
  ];
  if (summary.skipped.count > 0) {
    lines.push('', `<details><summary>${skippedCount(summary.skipped.count)} (not read)</summary>`, '', '| repository | path | reason |', '|---|---|---|');
    for (const entry of summary.skipped.sample) lines.push(`| ${cell(entry.repository)} | ${cell(entry.path)} | ${cell(entry.reason)} |`);
    if (summary.skipped.count > summary.skipped.sample.length) lines.push(`| … | ${summary.skipped.count - summary.skipped.sample.length} more | |`);
    lines.push('', '</details>');
  }
  if (summary.stoppedReason) lines.push('', `**Stopped at a checkpoint:** ${cell(summary.stoppedReason)}. The next run resumes.`);
  if (summary.failures.length > 0) {
    lines.push('', `<details><summary>${summary.failures.length} failures</summary>`, '', '| repository | stage | error |', '|---|---|---|');
    for (const f of summary.failures.slice(0, 200)) lines.push(`| ${cell(f.repository)} | ${f.stage} | ${cell(f.error)} |`);
    lines.push('', '</details>');
  }
  return `${lines.join('\n')}\n`;
}
