import { readFileSync } from 'node:fs';
import { classifyTool } from '../../crawler/classify/index.ts';
import { RISKS, type Classification, type Risk } from '../../crawler/model/classification.ts';
import { makeFacts } from './make-facts.ts';

export const DEV_SET_PATH = process.env.MCP_RISK_DEV_SET ?? '/work/shared/eval/dev-set.json';

interface LabelledTool {
  name: string;
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

/** Classifies every labelled tool from description-level facts only (name, description, annotations). */
export function scoreDevSet(path = DEV_SET_PATH): DevSetScore {
  const corpus = JSON.parse(readFileSync(path, 'utf8')) as { repos: { repo: string; servers: { tools: LabelledTool[] }[] }[] };
  const rows: Scored[] = [];
  for (const repo of corpus.repos) {
    for (const server of repo.servers) {
      for (const tool of server.tools) {
        const predicted = classifyTool(makeFacts({ name: tool.name, description: tool.description, annotations: tool.annotations }));
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
