import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'changesPermissions',
  short: 'Creates, changes or revokes credentials, keys, roles or permissions.',
  motivation: 'A new key or a widened role outlives the session: whoever reads the tool output keeps the access, and a revoked key breaks production.',
  remediation: 'Hide the tool. Manage keys and access in the provider console, or allow it only for a human-approved session.',
  implies: { category: 'admin', risk: 'critical' },
};
