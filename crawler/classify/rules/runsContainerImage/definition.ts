import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'runsContainerImage',
  short: 'Runs a container from an image the caller chooses.',
  motivation: "An image is a program: whoever picks it picks the code that runs, with the container's network and mounts. SPEC §5 rates arbitrary container images as code in a constrained context.",
  remediation: 'Rate-limit the tool and, with Intercept, allow only images from your own registry; run the daemon rootless and without host mounts.',
  implies: { category: 'execute', risk: 'high' },
};
