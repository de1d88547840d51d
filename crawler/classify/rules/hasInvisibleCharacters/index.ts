import type { Evidence, Finding } from '../../../model/classification.ts';
import { finding } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u{E0000}-\u{E007F}]/gu;

/** Shows each hidden character as its code point so the evidence itself is visible. */
function reveal(text: string): string {
  return text.replace(INVISIBLE, (char) => `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`).slice(0, 200);
}

export function check(signals: Signals): Finding | null {
  const fields: [string, string][] = [['name', signals.name], ['description', signals.description], ...signals.params.map((p): [string, string] => [`parameter ${p.name}`, p.description])];
  const evidence: Evidence[] = [];
  for (const [field, text] of fields) {
    INVISIBLE.lastIndex = 0;
    if (INVISIBLE.test(text)) evidence.push({ kind: 'text', field, quote: reveal(text) });
  }
  return finding(definition, { evidence });
}
