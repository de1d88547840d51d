import { RISKS, type Risk } from '../model/index.ts';
import type { TruthRepo } from './truth.ts';

/** A tool as the pipeline found it, with its classification when there is one. */
export interface FoundTool {
  name: string;
  file: string;
  line: number;
  category?: string;
  risk?: string;
}

export interface FoundRepo {
  tools: FoundTool[];
  /** Files of `dynamic` records. */
  dynamicFiles: string[];
}

export interface Scores {
  truth_tools: number;
  found_tools: number;
  matched: number;
  precision: number;
  recall: number;
  category_accuracy: number;
  risk_accuracy: number;
  risk_within_one: number;
  underrated: number;
  line_accuracy: number;
  dynamic_detected: number;
  dynamic_total: number;
}

/** What went wrong in one repository, for reading alongside the figures. */
export interface Mismatch {
  kind: 'missed' | 'extra' | 'line' | 'category' | 'risk';
  name: string;
  file: string;
  expected?: string;
  got?: string;
}

export interface RepoScore extends Scores {
  repo: string;
  mismatches: Mismatch[];
}

interface Tally {
  truth: number;
  found: number;
  matched: number;
  categoryLabelled: number;
  categoryRight: number;
  riskLabelled: number;
  riskRight: number;
  riskWithinOne: number;
  underrated: number;
  lineRight: number;
  dynamicDetected: number;
  dynamicTotal: number;
}

const emptyTally = (): Tally => ({
  truth: 0, found: 0, matched: 0, categoryLabelled: 0, categoryRight: 0, riskLabelled: 0, riskRight: 0,
  riskWithinOne: 0, underrated: 0, lineRight: 0, dynamicDetected: 0, dynamicTotal: 0,
});

function inScope(file: string, scope: string): boolean {
  const path = scope.replace(/\/+$/, '');
  return path === '' || path === '.' || file === path || file.startsWith(`${path}/`);
}

const riskIndex = (risk: string | undefined): number => RISKS.indexOf((risk ?? '').toLowerCase() as Risk);
const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 10000) / 10000);

/** Scores one repository's found tools against its labels (SPEC §8). */
export function scoreRepo(truth: TruthRepo, found: FoundRepo): { tally: Tally; mismatches: Mismatch[] } {
  const tally = emptyTally();
  const mismatches: Mismatch[] = [];
  const labelledFiles = new Set(truth.servers.flatMap((s) => s.tools.map((t) => t.file)));
  const scoped = found.tools.filter(
    (tool) => labelledFiles.has(tool.file) || truth.servers.some((server) => inScope(tool.file, server.path)),
  );
  tally.found = scoped.length;
  const used = new Set<FoundTool>();

  for (const server of truth.servers) {
    if (server.dynamic && server.tools.length === 0) {
      tally.dynamicTotal++;
      if (found.dynamicFiles.some((file) => inScope(file, server.path))) tally.dynamicDetected++;
    }
    for (const label of server.tools) {
      tally.truth++;
      const candidates = scoped.filter(
        (tool) => !used.has(tool) && tool.name === label.name && (inScope(tool.file, server.path) || tool.file === label.file),
      );
      // Prefer the candidate declared in the labelled file, nearest the labelled line.
      candidates.sort(
        (a, b) => Number(b.file === label.file) - Number(a.file === label.file) || Math.abs(a.line - label.line) - Math.abs(b.line - label.line),
      );
      const match = candidates[0];
      if (!match) {
        mismatches.push({ kind: 'missed', name: label.name, file: label.file, expected: `line ${label.line}` });
        continue;
      }
      used.add(match);
      tally.matched++;
      const lines = [label.line, ...(label.alt_lines ?? [])];
      if (match.file === label.file && lines.includes(match.line)) tally.lineRight++;
      else mismatches.push({ kind: 'line', name: label.name, file: label.file, expected: `${label.file}:${lines.join('|')}`, got: `${match.file}:${match.line}` });
      if (label.category) {
        tally.categoryLabelled++;
        if (label.category.toLowerCase() === match.category?.toLowerCase()) tally.categoryRight++;
        else mismatches.push({ kind: 'category', name: label.name, file: label.file, expected: label.category, got: match.category ?? 'none' });
      }
      if (label.risk) {
        tally.riskLabelled++;
        const want = riskIndex(label.risk);
        const got = riskIndex(match.risk);
        if (want === got) tally.riskRight++;
        else mismatches.push({ kind: 'risk', name: label.name, file: label.file, expected: label.risk, got: match.risk ?? 'none' });
        if (got >= 0 && Math.abs(want - got) <= 1) tally.riskWithinOne++;
        if (want >= riskIndex('high') && got < want) tally.underrated++;
      }
    }
  }
  for (const tool of scoped) {
    if (!used.has(tool)) mismatches.push({ kind: 'extra', name: tool.name, file: `${tool.file}:${tool.line}` });
  }
  return { tally, mismatches };
}

export function addTallies(tallies: Tally[]): Tally {
  const total = emptyTally();
  for (const tally of tallies) {
    for (const key of Object.keys(total) as (keyof Tally)[]) total[key] += tally[key];
  }
  return total;
}

export function toScores(tally: Tally): Scores {
  return {
    truth_tools: tally.truth,
    found_tools: tally.found,
    matched: tally.matched,
    precision: ratio(tally.matched, tally.found),
    recall: ratio(tally.matched, tally.truth),
    category_accuracy: ratio(tally.categoryRight, tally.categoryLabelled),
    risk_accuracy: ratio(tally.riskRight, tally.riskLabelled),
    risk_within_one: ratio(tally.riskWithinOne, tally.riskLabelled),
    underrated: tally.underrated,
    line_accuracy: ratio(tally.lineRight, tally.matched),
    dynamic_detected: tally.dynamicDetected,
    dynamic_total: tally.dynamicTotal,
  };
}
