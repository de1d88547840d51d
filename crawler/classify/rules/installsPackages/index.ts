import type { Finding } from '../../../model/classification.ts';
import { actionEvidence, compact } from '../../evidence.ts';
import { finding, hasEffect } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

const PACKAGE_WORDS = new Set(['package', 'packages', 'library', 'libraries', 'dependency', 'dependencies', 'module', 'modules', 'plugin', 'plugins', 'extension', 'extensions', 'pip', 'npm', 'gem', 'crate', 'apt', 'brew']);

export function check(signals: Signals): Finding | null {
  if (!hasEffect(signals, 'install')) return null;
  const words = [...signals.nameWords, ...signals.leadWords];
  if (!words.some((word) => PACKAGE_WORDS.has(word))) return null;
  return finding(definition, {
    category: 'execute',
    risk: 'high',
    tags: ['code'],
    evidence: compact(actionEvidence(signals, ['install'])),
  });
}
