import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('runsCiWorkflow', () => {
  it('rates starting a CI workflow execute, high', () => {
    const found = checkRule(rule, { name: 'trigger_workflow', description: "Start a CI workflow run on a branch. The workflow runs the repository's own scripts." });
    expect(found).toMatchObject({ category: 'execute', risk: 'high' });
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it('recognises a dispatch verb the lexicon does not know', () => {
    const found = checkRule(rule, { name: 'dispatch_pipeline', description: 'Dispatches a pipeline for the given ref.' });
    expect(found).toMatchObject({ risk: 'high' });
  });
  it('ignores listing workflow runs, where "runs" is a noun', () => {
    expect(checkRule(rule, { name: 'list_workflow_runs', description: 'List workflow runs for a repository.' })).toBeNull();
  });
  it('ignores starting something that is not CI', () => {
    expect(checkRule(rule, { name: 'start_timer', description: 'Start a countdown timer.' })).toBeNull();
  });
});
