import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('forwardsEventsToUrl', () => {
  it("flags creating a webhook as high admin", () => {
    const found = checkRule(rule, {"name": "create-webhook", "description": "Create a new webhook."});
    expect(found).toMatchObject({"risk": "high", "category": "admin"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("ignores listing webhooks", () => {
    const found = checkRule(rule, {"name": "list-webhooks", "description": "List all webhooks."});
    expect(found).toBeNull();
  });
});
