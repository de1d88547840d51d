import type { Command } from 'commander';
import { runEval, type EvalReport } from '../../eval/index.ts';
import { InputError } from '../errors.ts';
import { printJson } from '../options.ts';
import { visible } from '../terminal-text.ts';

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;

function printTable(report: EvalReport, details: boolean): void {
  const header = ['repository', 'truth', 'found', 'matched', 'precision', 'recall', 'lines', 'category', 'risk', '±1', 'under'];
  const rows = report.per_repo.map((r) => [
    visible(r.repo), r.truth_tools, r.found_tools, r.matched, pct(r.precision), pct(r.recall), pct(r.line_accuracy),
    pct(r.category_accuracy), pct(r.risk_accuracy), pct(r.risk_within_one), r.underrated,
  ].map(String));
  rows.push(['TOTAL', report.truth_tools, report.found_tools, report.matched, pct(report.precision), pct(report.recall),
    pct(report.line_accuracy), pct(report.category_accuracy), pct(report.risk_accuracy), pct(report.risk_within_one), report.underrated].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  if (report.dynamic_total > 0) console.log(`dynamic servers detected: ${report.dynamic_detected}/${report.dynamic_total}`);
  if (!details) return;
  for (const repo of report.per_repo) {
    for (const m of repo.mismatches) {
      console.log(visible(`${repo.repo}: ${m.kind} ${m.name} (${m.file})${m.expected ? ` expected ${m.expected}` : ''}${m.got ? ` got ${m.got}` : ''}`));
    }
  }
}

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('score extraction and classification against a labelled corpus (SPEC §8)')
    .requiredOption('--truth <FILE>', 'labelled corpus, e.g. ../shared/eval/dev-set.json')
    .requiredOption('--repos <DIR>', 'checkouts laid out as DIR/<owner>/<name>/ by shared/eval/checkout.sh')
    .option('--json', 'print one JSON object with the figures on stdout')
    .option('--details', 'list every missed, extra and mislabelled tool')
    .action(async (options: { truth: string; repos: string; json?: boolean; details?: boolean }) => {
      let report: EvalReport;
      try {
        report = await runEval(options.truth, options.repos);
      } catch (error) {
        throw new InputError(error instanceof Error ? error.message : String(error));
      }
      if (options.json) {
        const { per_repo, ...totals } = report;
        return printJson({ ...totals, per_repo: per_repo.map(({ mismatches, ...scores }) => (options.details ? { ...scores, mismatches } : scores)) });
      }
      printTable(report, options.details ?? false);
    });
}
