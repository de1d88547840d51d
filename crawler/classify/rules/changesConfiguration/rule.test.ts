import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('changesConfiguration', () => {
  it("flags registering a sending domain as medium admin", () => {
    const found = checkRule(rule, {"name": "create-domain", "description": "Create a new domain."});
    expect(found).toMatchObject({"risk": "medium", "category": "admin"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("ignores reading a domain", () => {
    const found = checkRule(rule, {"name": "get-domain", "description": "Get a domain by ID."});
    expect(found).toBeNull();
  });
});
