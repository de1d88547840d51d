import type { Classification, Finding } from '../model/classification.ts';
import { evaluate } from './evaluate.ts';
import type { ToolFacts } from './facts.ts';
import { RULES } from './rules/index.ts';
import { collectSignals } from './signals.ts';

export type { HandlerCode, ToolFacts } from './facts.ts';
export { RULES } from './rules/index.ts';

/** Bump when a rule or the evaluator changes what a tool gets, so stored rows can be re-rated. */
export const CLASSIFIER_VERSION = '1.1.0';

/** Classifies one tool from its facts. Pure and deterministic: the same facts give the same output. */
export function classifyTool(facts: ToolFacts): Classification {
  const signals = collectSignals(facts);
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const found = rule.check(signals);
    if (found) findings.push(found);
  }
  return evaluate(signals, findings);
}
