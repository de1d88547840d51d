import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'submitsInBrowser',
  short: 'Clicks, presses or submits forms in a web browser.',
  motivation: 'A click or a submitted form acts on a live site as the logged-in user: it can buy, post, delete or confirm anything the page offers.',
  remediation: 'Rate-limit the tool, run the browser with a fresh profile (no saved logins), and allow only the sites the task needs.',
  implies: { category: 'network', risk: 'high' },
};
