import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('runsContainerImage', () => {
  it('rates running a container from a caller-chosen image execute, high', () => {
    const found = checkRule(rule, { name: 'run_container', description: 'Run a container from a Docker image and return its logs.' });
    expect(found).toMatchObject({ category: 'execute', risk: 'high' });
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it('ignores pulling or listing images, which runs nothing', () => {
    expect(checkRule(rule, { name: 'pull_image', description: 'Pull a Docker image from a registry.' })).toBeNull();
    expect(checkRule(rule, { name: 'list_images', description: 'List local Docker images.' })).toBeNull();
  });
});
