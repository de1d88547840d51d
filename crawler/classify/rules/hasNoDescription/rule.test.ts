import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('hasNoDescription', () => {
  it("reports a tool without a description", () => {
    const found = checkRule(rule, {"name": "process"});
    expect(found?.evidence.length).toBeGreaterThan(0);
  });
  it("stays quiet when there is a description", () => {
    const found = checkRule(rule, {"name": "process", "description": "Process an order."});
    expect(found).toBeNull();
  });
});
