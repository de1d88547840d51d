import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('movesMoney', () => {
  it("flags refunds as critical financial", () => {
    const found = checkRule(rule, {"name": "create_refund", "description": "This tool will refund a payment intent in Stripe."});
    expect(found).toMatchObject({"risk": "critical", "category": "financial"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("flags a handler that creates a transfer", () => {
    const found = checkRule(rule, {"name": "settle", "description": "Settles the account.", "code": "await stripe.transfers.create({ amount })"});
    expect(found).toMatchObject({"risk": "critical"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("ignores transferring a file", () => {
    const found = checkRule(rule, {"name": "transfer_file", "description": "Transfer a file to another folder."});
    expect(found).toBeNull();
  });
  it("ignores checking refund eligibility", () => {
    const found = checkRule(rule, {"name": "refund_eligibility", "description": "Check whether an order can be refunded."});
    expect(found).toBeNull();
  });
});
