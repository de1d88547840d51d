import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'writesFiles',
  short: 'Writes to the filesystem: overwrites or edits file content, or creates, moves and copies files.',
  motivation: 'Overwriting a file destroys its previous content (and a write to a shell profile or CI file is code execution later); creating or moving files is easy to undo.',
  remediation: 'Rate-limit the tool and, with Intercept, allow only paths under the project directory.',
  implies: { category: 'write', risk: 'high to overwrite or edit content; medium to create, move or copy' },
};
