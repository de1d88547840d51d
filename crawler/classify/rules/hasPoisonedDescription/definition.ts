import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'hasPoisonedDescription',
  short: 'The description carries instructions for the model (tool poisoning).',
  motivation: 'Descriptions go straight into the model context; hidden orders ("ignore previous instructions", read ~/.ssh, call another tool first, do not tell the user) hijack the agent without any call to this tool.',
  remediation: 'Do not connect the server until the description is fixed; pin the reviewed version and watch for changes.',
  implies: null,
  floor: 'high when the text hides from the user, overrides prior instructions, or orders the model to read a secret',
};
