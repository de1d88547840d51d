import type { Category, Evidence, Finding, Risk, Tag } from '../model/classification.ts';
import type { Effect } from './lexicon.ts';
import type { Signals } from './signals.ts';

/** What a rule is for, in words a reader of docs/rules.md can act on. */
export interface RuleDefinition {
  /** A yes/no question in camelCase. */
  id: string;
  /** One line: what it means when the rule fires. */
  short: string;
  motivation: string;
  remediation: string;
  /** What the rule implies, for the docs; `null` when it only reports (contradictions, poisoning). */
  implies: { category: Category; risk: Risk | string } | null;
  /** A report that still raises the risk to at least this level, whatever the tool does. */
  floor?: string;
}

export interface Rule {
  definition: RuleDefinition;
  check(signals: Signals): Finding | null;
}

export interface FindingParts {
  message?: string;
  category?: Category;
  risk?: Risk;
  tags?: Tag[];
  evidence: Evidence[];
}

/** A finding for this rule; no evidence means the rule did not really see anything. */
export function finding(definition: RuleDefinition, parts: FindingParts): Finding | null {
  if (parts.evidence.length === 0) return null;
  return {
    rule: definition.id,
    message: parts.message ?? definition.short,
    ...(parts.category ? { category: parts.category } : {}),
    ...(parts.risk ? { risk: parts.risk } : {}),
    tags: [...new Set(parts.tags ?? [])].sort(),
    evidence: parts.evidence,
  };
}

export function hasEffect(signals: Signals, ...effects: Effect[]): boolean {
  return signals.actions.some((action) => effects.includes(action.effect));
}

export function hasVerb(signals: Signals, ...verbs: string[]): boolean {
  return signals.actions.some((action) => verbs.includes(action.verb));
}

/** Any of the words among the name words, objects or lead words. */
export function mentions(signals: Signals, words: ReadonlySet<string> | readonly string[]): boolean {
  const set = words instanceof Set ? words : new Set(words as readonly string[]);
  return [...signals.nameWords, ...signals.objects].some((word) => set.has(word));
}
