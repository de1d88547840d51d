import type { Evidence, Finding } from '../../../model/classification.ts';
import { compact, descriptionEvidence, paramEvidence } from '../../evidence.ts';
import { finding } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

/** Text that hides itself from the user or overrides the model's instructions. */
const HIDES = [
  /\bignore (all |any )?(the )?(previous|prior|above|earlier|other) (instructions|prompts|rules)\b/i,
  /\b(do not|don't|never) (tell|mention|inform|reveal|show)( this| it)? (to )?the user\b/i,
  /\bwithout (telling|informing|notifying|asking) the user\b/i,
];
/** A place where secrets live: asking the model to read one is exfiltration. */
const SECRET_PATH = /(~\/\.ssh|\bid_rsa\b|\.aws\/credentials|(^|[\s'"`(])\.env\b|\bmcp\.json\b|\.npmrc\b|\bcursor\/mcp\b)/i;
/** Text that addresses the model with orders rather than describing the tool. */
const ORDERS = [
  /<\s*\/?\s*(important|system|instructions?|secret|hidden)\s*>/i,
  /\b(before|after) (using|calling|running) (this|any other|any) tool,? (you )?(must|should|always)\b/i,
  /\byou (must|should) (first |also |always )?(call|invoke|use|read|send|pass|include)\b/i,
  /\b(system prompt|conversation history)\b.*\b(send|include|pass|append)\b/i,
];
const POISON = [...ORDERS, ...HIDES, SECRET_PATH];

export function check(signals: Signals): Finding | null {
  const texts = [signals.description, ...signals.params.map((p) => p.description)];
  const matches = (pattern: RegExp) => texts.some((text) => pattern.test(text));
  const evidence: (Evidence | null)[] = [];
  for (const pattern of POISON) evidence.push(descriptionEvidence(signals, pattern));
  for (const param of signals.params) {
    if (POISON.some((pattern) => pattern.test(param.description))) evidence.push(paramEvidence(param.name, param.description));
  }
  // Hiding from the user, or ordering the model to fetch a secret, is built to exfiltrate.
  const exfiltrates = HIDES.some(matches) || (matches(SECRET_PATH) && ORDERS.some(matches));
  return finding(definition, {
    message: exfiltrates
      ? 'The description carries hidden instructions for the model (tool poisoning) that hide from the user or ask for secrets; a tool built to exfiltrate is rated at least high.'
      : definition.short,
    ...(exfiltrates ? { risk: 'high' as const } : {}),
    tags: exfiltrates ? ['secrets'] : [],
    evidence: compact(evidence),
  });
}
