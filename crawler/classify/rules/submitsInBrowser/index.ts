import type { Finding } from '../../../model/classification.ts';
import { actionEvidence, compact } from '../../evidence.ts';
import { finding, hasVerb } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

export const BROWSER = /\b(browser|web ?page|page|tab|element|button|link|form|playwright|puppeteer|selenium|dom)\b/i;

export function check(signals: Signals): Finding | null {
  if (!hasVerb(signals, 'click', 'submit', 'press', 'drag')) return null;
  if (!BROWSER.test(`${signals.nameWords.join(' ')} ${signals.description}`)) return null;
  return finding(definition, {
    category: 'network',
    risk: 'high',
    tags: ['browser', 'network'],
    evidence: compact(actionEvidence(signals, ['update'])),
  });
}
