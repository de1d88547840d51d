import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'provisionsInfrastructure',
  short: 'Provisions, deploys, pauses or scales infrastructure.',
  motivation: 'New instances cost money, a paused or stopped one is an outage, and a deployment ships code to users; arbitrary Kubernetes manifests can grant any access.',
  remediation: 'Rate-limit the tool to a few calls a minute and keep deployments behind a human approval in CI.',
  implies: { category: 'admin', risk: 'high; medium to start or resume; critical for arbitrary manifests' },
};
