import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { localTree } from '../fetch/source-tree.ts';
import { analyzeRepository } from '../pipeline/analyze.ts';
import { addTallies, scoreRepo, toScores, type FoundRepo, type RepoScore, type Scores } from './score.ts';
import { Truth } from './truth.ts';

export interface EvalReport extends Scores {
  repos: number;
  per_repo: RepoScore[];
}

/** Reads and validates a labelled corpus; the error names the file and the bad field. */
export function readTruth(file: string): Truth {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot read the truth file (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = Truth.safeParse(raw);
  if (!parsed.success) throw new Error(`${file}: not a labelled corpus:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Where checkout.sh lays out each repository: DIR/owner/name, or DIR/owner/name@commit12 when listed again. */
export function checkoutDirs(truth: Truth, reposDir: string): string[] {
  const seen = new Set<string>();
  return truth.repos.map((repo) => {
    const dir = seen.has(repo.repo) && repo.commit ? `${repo.repo}@${repo.commit.slice(0, 12)}` : repo.repo;
    seen.add(repo.repo);
    return join(reposDir, dir);
  });
}

/** Runs the pipeline on every labelled repository and scores it (SPEC §8). */
export async function runEval(truthFile: string, reposDir: string, onRepo?: (repo: string) => void): Promise<EvalReport> {
  const truth = readTruth(truthFile);
  const dirs = checkoutDirs(truth, reposDir);
  const tallies = [];
  const perRepo: RepoScore[] = [];
  for (const [index, repo] of truth.repos.entries()) {
    onRepo?.(repo.repo);
    const dir = dirs[index];
    if (!existsSync(dir)) throw new Error(`${dir}: checkout of ${repo.repo} is missing (lay it out with shared/eval/checkout.sh)`);
    const analysis = await analyzeRepository(localTree(dir), repo.repo);
    const found: FoundRepo = {
      tools: analysis.servers.flatMap((server) =>
        server.tools.map(({ tool, classification }) => ({
          name: tool.name, file: tool.file, line: tool.line, category: classification.category, risk: classification.risk,
        })),
      ),
      dynamicFiles: analysis.extraction.dynamic.map((d) => d.file),
    };
    const { tally, mismatches } = scoreRepo(repo, found);
    tallies.push(tally);
    perRepo.push({ repo: repo.repo, ...toScores(tally), mismatches });
  }
  return { repos: truth.repos.length, ...toScores(addTallies(tallies)), per_repo: perRepo };
}
