import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'sendsMessages',
  short: 'Sends email, chat messages, posts or notifications to other people.',
  motivation: 'A sent message cannot be unsent; it speaks for the user, can leak private data to any address and can be used for spam or phishing.',
  remediation: 'Rate-limit the tool and, with Intercept, allow only recipients on your own domain.',
  implies: { category: 'communicate', risk: 'high; medium for comments and reactions on developer platforms' },
};
