import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'forwardsEventsToUrl',
  short: 'Creates or changes a webhook or callback that sends events to a URL.',
  motivation: 'A webhook keeps delivering account events (emails, payments, users) to whatever URL it names, long after the session ends.',
  remediation: 'Rate-limit the tool and, with Intercept, allow only webhook URLs on hosts you own.',
  implies: { category: 'admin', risk: 'high' },
};
