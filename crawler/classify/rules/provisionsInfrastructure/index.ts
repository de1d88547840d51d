import type { Finding } from '../../../model/classification.ts';
import type { Risk } from '../../../model/classification.ts';
import { actionEvidence, compact } from '../../evidence.ts';
import { INFRASTRUCTURE_NOUNS } from '../../lexicon.ts';
import { finding, hasEffect, hasVerb, mentions } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

const ALWAYS = ['deploy', 'provision', 'scale'];
const GENTLE = ['start', 'resume', 'restart'];
const MANIFESTS = new Set(['manifest', 'manifests', 'kubernetes', 'k8s', 'kubectl']);

export function check(signals: Signals): Finding | null {
  const always = hasVerb(signals, ...ALWAYS);
  // Deleting a pod or terminating an instance removes something: deletesData rates it by recoverability.
  const onInfrastructure = mentions(signals, INFRASTRUCTURE_NOUNS) && hasEffect(signals, 'create', 'update', 'run');
  if (!always && !onInfrastructure) return null;
  return finding(definition, {
    category: 'admin',
    risk: riskOf(signals, always),
    tags: ['infrastructure'],
    evidence: compact(actionEvidence(signals, ['create', 'update', 'delete', 'run'])),
  });
}

function riskOf(signals: Signals, always: boolean): Risk {
  if (mentions(signals, MANIFESTS) && hasVerb(signals, 'apply', 'create')) return 'critical';
  const gentle = signals.actions.filter((a) => a.effect !== 'read').every((a) => GENTLE.includes(a.verb));
  return gentle && !always ? 'medium' : 'high';
}
