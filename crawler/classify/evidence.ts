import type { Evidence } from '../model/classification.ts';
import type { Hint } from '../model/tool.ts';
import type { CodeCall, CodeCallKind } from './code-calls.ts';
import type { Effect } from './lexicon.ts';
import type { Signals } from './signals.ts';
import { clip } from './words.ts';

export function nameEvidence(signals: Signals): Evidence {
  return { kind: 'text', field: 'name', quote: signals.name };
}

/** The sentence of the description that matches, so the reader sees the words in context. */
export function descriptionEvidence(signals: Signals, pattern: RegExp): Evidence | null {
  const sentences = signals.description.split(/(?<=[.!?])\s+/);
  const sentence = sentences.find((candidate) => pattern.test(candidate));
  return sentence ? { kind: 'text', field: 'description', quote: clip(sentence) } : null;
}

export function leadEvidence(signals: Signals): Evidence {
  return { kind: 'text', field: 'description', quote: clip(signals.lead) };
}

export function paramEvidence(name: string, description: string): Evidence {
  return { kind: 'text', field: `parameter ${name}`, quote: clip(description ? `${name}: ${description}` : name) };
}

export function hintEvidence(signals: Signals, hint: Hint): Evidence | null {
  const declared = signals.hints[hint];
  if (!declared) return null;
  return { kind: 'text', field: 'annotations', quote: `${hint}: ${JSON.stringify(declared.value)} (${declared.origin})` };
}

export function codeEvidence(call: CodeCall): Evidence {
  return { kind: 'code', file: call.file, line: call.line, quote: call.quote };
}

export function codeCalls(signals: Signals, kind: CodeCallKind): CodeCall[] {
  return signals.code.filter((call) => call.kind === kind);
}

/** Where the actions with these effects were stated: the name, the description, or both. */
export function actionEvidence(signals: Signals, effects: readonly Effect[]): Evidence[] {
  const sources = new Set(signals.actions.filter((action) => effects.includes(action.effect)).map((action) => action.source));
  const evidence: Evidence[] = [];
  if (sources.has('name')) evidence.push(nameEvidence(signals));
  if (sources.has('description')) evidence.push(leadEvidence(signals));
  return evidence;
}

/** Drops nulls and duplicates, keeping the first occurrence, for a stable evidence list. */
export function compact(evidence: (Evidence | null | undefined)[]): Evidence[] {
  const seen = new Set<string>();
  const result: Evidence[] = [];
  for (const item of evidence) {
    if (!item) continue;
    const key = JSON.stringify(item);
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(item);
  }
  return result;
}
