import type { Finding } from '../../crawler/model/classification.ts';
import type { Rule } from '../../crawler/classify/rule.ts';
import { collectSignals } from '../../crawler/classify/signals.ts';
import { makeFacts, type FactsInput } from './make-facts.ts';

/** Runs one rule on a tool described the way an extractor would report it. */
export function checkRule(rule: Pick<Rule, 'check'>, input: FactsInput): Finding | null {
  return rule.check(collectSignals(makeFacts(input)));
}
