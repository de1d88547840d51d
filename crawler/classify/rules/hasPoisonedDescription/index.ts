import type { Evidence, Finding } from '../../../model/classification.ts';
import { compact, descriptionEvidence, paramEvidence } from '../../evidence.ts';
import { finding } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

/** Each pattern is a way text addresses the model rather than describing the tool. */
const POISON = [
  /<\s*\/?\s*(important|system|instructions?|secret|hidden)\s*>/i,
  /\bignore (all |any )?(the )?(previous|prior|above|earlier|other) (instructions|prompts|rules)\b/i,
  /\b(do not|don't|never) (tell|mention|inform|reveal|show)( this| it)? (to )?the user\b/i,
  /\bwithout (telling|informing|notifying|asking) the user\b/i,
  /(~\/\.ssh|\bid_rsa\b|\.aws\/credentials|(^|[\s'"`(])\.env\b|\bmcp\.json\b|\.npmrc\b|\bcursor\/mcp\b)/i,
  /\b(before|after) (using|calling|running) (this|any other|any) tool,? (you )?(must|should|always)\b/i,
  /\byou (must|should) (first |also |always )?(call|invoke|use|read|send|pass|include)\b/i,
  /\b(system prompt|conversation history)\b.*\b(send|include|pass|append)\b/i,
];

export function check(signals: Signals): Finding | null {
  const evidence: (Evidence | null)[] = [];
  for (const pattern of POISON) evidence.push(descriptionEvidence(signals, pattern));
  for (const param of signals.params) {
    if (POISON.some((pattern) => pattern.test(param.description))) evidence.push(paramEvidence(param.name, param.description));
  }
  return finding(definition, { tags: [], evidence: compact(evidence) });
}
