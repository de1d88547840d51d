import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'runsCiWorkflow',
  short: "Starts a CI workflow or pipeline, which runs the repository's own scripts on CI runners.",
  motivation: 'A workflow runs whatever code the chosen branch holds, with the secrets and deploy keys of the CI environment; SPEC §5 rates CI workflows as code in a constrained context.',
  remediation: 'Rate-limit the tool and, with Intercept, allow only reviewed workflow names and protected branches.',
  implies: { category: 'execute', risk: 'high' },
};
