import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'deletesData',
  short: 'Deletes data: files, records, entities or resources.',
  motivation: 'A delete that has no trash or history cannot be undone; one wrong ID or a recursive flag loses data for good.',
  remediation: 'Rate-limit the tool and, with Intercept, limit it to a path prefix or ID pattern; keep backups or use a soft-delete variant.',
  implies: { category: 'delete', risk: 'high; medium when the description says it is recoverable (trash, archive)' },
};
