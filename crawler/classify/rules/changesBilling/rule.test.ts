import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('changesBilling', () => {
  it("flags cancelling a subscription as high financial", () => {
    const found = checkRule(rule, {"name": "cancel_subscription", "description": "This tool will cancel a subscription in Stripe."});
    expect(found).toMatchObject({"risk": "high", "category": "financial"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("ignores creating a draft invoice", () => {
    const found = checkRule(rule, {"name": "create_invoice", "description": "This tool will create an invoice in Stripe."});
    expect(found).toBeNull();
  });
  it("ignores listing subscriptions", () => {
    const found = checkRule(rule, {"name": "list_subscriptions", "description": "List all subscriptions."});
    expect(found).toBeNull();
  });
});
