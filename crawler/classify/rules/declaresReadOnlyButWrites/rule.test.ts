import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('declaresReadOnlyButWrites', () => {
  it("reports a read-only annotation on a deleting tool", () => {
    const found = checkRule(rule, {"name": "delete_entities", "description": "Delete entities from the graph.", "annotations": {"readOnlyHint": true}});
    expect(found?.evidence.length).toBeGreaterThan(0);
  });
  it("stays quiet when a read-only tool reads", () => {
    const found = checkRule(rule, {"name": "read_graph", "description": "Read the entire graph.", "annotations": {"readOnlyHint": true}});
    expect(found).toBeNull();
  });
});
