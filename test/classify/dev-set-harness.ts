import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyTool } from '../../crawler/classify/index.ts';
import { RISKS, type Classification, type Risk } from '../../crawler/model/classification.ts';
import { makeFacts } from './make-facts.ts';

export const DEV_SET_PATH = process.env.MCP_RISK_DEV_SET ?? '/work/shared/eval/dev-set.json';

interface LabelledTool {
  name: string;
  file: string;
  line: number;
  description?: string | null;
  annotations?: Record<string, unknown> | null;
  category: string;
  risk: string;
  unsure?: boolean;
}

export interface Scored {
  repo: string;
  name: string;
  truth: { category: string; risk: string };
  predicted: Classification;
  unsure: boolean;
}

export interface DevSetScore {
  tools: number;
  category_accuracy: number;
  risk_accuracy: number;
  risk_within_one: number;
  underrated: number;
  unknown: number;
  rows: Scored[];
}

/**
 * Classifies every labelled tool from description-level facts (name, description, annotations).
 * With `reposDir`, each tool also gets an approximate handler: the lines from its declaration to the
 * next labelled declaration in the same file (at most 80), standing in for the extractor's span.
 */
export function scoreDevSet(path = DEV_SET_PATH, reposDir?: string): DevSetScore {
  const corpus = JSON.parse(readFileSync(path, 'utf8')) as { repos: { repo: string; servers: { tools: LabelledTool[] }[] }[] };
  const rows: Scored[] = [];
  for (const repo of corpus.repos) {
    for (const server of repo.servers) {
      for (const tool of server.tools) {
        const facts = makeFacts({ name: tool.name, description: tool.description, annotations: tool.annotations });
        if (reposDir) facts.handlerCode = approximateHandler(join(reposDir, repo.repo), tool, server.tools);
        const predicted = classifyTool(facts);
        rows.push({ repo: repo.repo, name: tool.name, truth: { category: tool.category.toLowerCase(), risk: tool.risk.toLowerCase() }, predicted, unsure: tool.unsure === true });
      }
    }
  }
  const rank = (risk: string) => RISKS.indexOf(risk as Risk);
  const share = (count: number) => Math.round((count / rows.length) * 1000) / 1000;
  return {
    tools: rows.length,
    category_accuracy: share(rows.filter((r) => r.predicted.category === r.truth.category).length),
    risk_accuracy: share(rows.filter((r) => r.predicted.risk === r.truth.risk).length),
    risk_within_one: share(rows.filter((r) => Math.abs(rank(r.predicted.risk) - rank(r.truth.risk)) <= 1).length),
    underrated: rows.filter((r) => rank(r.truth.risk) >= 2 && rank(r.predicted.risk) < rank(r.truth.risk)).length,
    unknown: rows.filter((r) => r.predicted.category === 'unknown').length,
    rows,
  };
}

function approximateHandler(root: string, tool: LabelledTool, siblings: LabelledTool[]): { file: string; startLine: number; text: string } | null {
  const path = join(root, tool.file);
  if (!existsSync(path)) return null;
  const lines = readFileSync(path, 'utf8').split('\n');
  const next = siblings.filter((t) => t.file === tool.file && t.line > tool.line).map((t) => t.line).sort((a, b) => a - b)[0];
  const end = Math.min(next ? next - 1 : lines.length, tool.line + 80);
  return { file: tool.file, startLine: tool.line, text: lines.slice(tool.line - 1, end).join('\n') };
}
