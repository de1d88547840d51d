import type { Finding } from '../../../model/classification.ts';
import { actionEvidence, compact } from '../../evidence.ts';
import { finding, hasVerb } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { BROWSER } from '../submitsInBrowser/index.ts';
import { definition } from './definition.ts';

export { definition };

export function check(signals: Signals): Finding | null {
  const navigates = hasVerb(signals, 'navigate');
  if (!navigates && !hasVerb(signals, 'fill', 'type', 'hover')) return null;
  if (!BROWSER.test(`${signals.nameWords.join(' ')} ${signals.description}`)) return null;
  return finding(definition, {
    category: 'network',
    risk: navigates ? 'high' : 'medium',
    tags: ['browser'],
    evidence: compact(actionEvidence(signals, ['update'])),
  });
}
