import type { Finding } from '../../../model/classification.ts';
import { codeCalls, codeEvidence, compact, descriptionEvidence, nameEvidence, paramEvidence } from '../../evidence.ts';
import { finding, hasEffect } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

const CODE_WORDS = /\b(code|script|scripts|program|snippet|python|javascript|js|typescript|ruby|node\.?js|lua|perl|php|notebook|cell)\b/i;
const CODE_NAME = new Set(['code', 'script', 'python', 'javascript', 'js', 'py', 'snippet', 'program', 'notebook', 'cell']);
const CONSTRAINED = /\b(web ?page|in the page|browser|tab|dom|sandbox(ed)?|container|wasm|webassembly|isolated|restricted)\b/i;

export function check(signals: Signals): Finding | null {
  const code = codeCalls(signals, 'eval');
  const runs = hasEffect(signals, 'run');
  const named = runs && signals.nameWords.some((word) => CODE_NAME.has(word));
  const text = runs ? descriptionEvidence(signals, CODE_WORDS) : null;
  const param = runs ? signals.params.find((p) => ['code', 'script', 'source', 'python', 'javascript'].some((w) => p.words.includes(w))) : undefined;
  if (!named && !text && !param && code.length === 0) return null;
  const constrained = CONSTRAINED.test(signals.lead) || signals.constrainedContext === 'page JavaScript'
    || code.some((call) => /page\.evaluate/.test(call.quote));
  return finding(definition, {
    message: constrained ? 'Runs caller-supplied code in a constrained context (page or sandbox).' : definition.short,
    category: 'execute',
    risk: constrained ? 'high' : 'critical',
    tags: constrained && (/\b(page|browser|tab|dom)\b/i.test(signals.lead) || signals.constrainedContext === 'page JavaScript') ? ['browser', 'code'] : ['code'],
    evidence: compact([
      named ? nameEvidence(signals) : null,
      text,
      param ? paramEvidence(param.name, param.description) : null,
      ...code.map(codeEvidence),
    ]),
  });
}
