import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'drivesBrowser',
  short: 'Navigates a web browser or types into a page without submitting.',
  motivation: 'Navigation reaches any site the caller names and brings its content back; typing fills forms the next click may submit.',
  remediation: 'Rate-limit the tool and allow only the sites the task needs.',
  implies: { category: 'network', risk: 'high to navigate; medium to type, fill or hover' },
};
