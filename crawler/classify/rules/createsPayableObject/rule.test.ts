import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('createsPayableObject', () => {
  it("flags payment links as medium financial", () => {
    const found = checkRule(rule, {"name": "create_payment_link", "description": "This tool will create a payment link in Stripe."});
    expect(found).toMatchObject({"risk": "medium", "category": "financial"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("ignores creating a product", () => {
    const found = checkRule(rule, {"name": "create_product", "description": "This tool will create a product in Stripe."});
    expect(found).toBeNull();
  });
});
