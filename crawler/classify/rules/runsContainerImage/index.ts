import type { Finding } from '../../../model/classification.ts';
import { actionEvidence, compact, leadEvidence } from '../../evidence.ts';
import { finding, hasVerb } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

export function check(signals: Signals): Finding | null {
  if (signals.constrainedContext !== 'container image' || signals.dryRun) return null;
  // Pulling, listing or building an image does not run it; running or creating a container does.
  const runs = hasVerb(signals, 'run', 'execute', 'launch', 'spawn', 'start')
    || (hasVerb(signals, 'create') && /\bcontainers?\b/i.test(`${signals.nameWords.join(' ')} ${signals.lead}`));
  if (!runs) return null;
  return finding(definition, {
    category: 'execute',
    risk: 'high',
    tags: ['code', 'infrastructure'],
    evidence: compact([...actionEvidence(signals, ['run', 'create', 'update']), signals.lead ? leadEvidence(signals) : null]),
  });
}
