import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('declaresNonDestructiveButDeletes', () => {
  it("reports destructiveHint false on a deleting tool", () => {
    const found = checkRule(rule, {"name": "delete_file", "description": "Delete a file.", "annotations": {"destructiveHint": false}});
    expect(found?.evidence.length).toBeGreaterThan(0);
  });
  it("stays quiet for an additive tool", () => {
    const found = checkRule(rule, {"name": "create_file", "description": "Create a file.", "annotations": {"destructiveHint": false}});
    expect(found).toBeNull();
  });
});
