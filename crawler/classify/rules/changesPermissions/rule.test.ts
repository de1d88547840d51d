import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('changesPermissions', () => {
  it("flags creating an API key as critical admin", () => {
    const found = checkRule(rule, {"name": "create-api-key", "description": "Create a new API key."});
    expect(found).toMatchObject({"risk": "critical", "category": "admin"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("flags revoking a key", () => {
    const found = checkRule(rule, {"name": "remove-api-key", "description": "Remove an API key by ID."});
    expect(found).toMatchObject({"risk": "critical"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("ignores listing API keys", () => {
    const found = checkRule(rule, {"name": "list-api-keys", "description": "List all API keys."});
    expect(found).toBeNull();
  });
  it("ignores setting a key in a key-value store", () => {
    const found = checkRule(rule, {"name": "set_key", "description": "Set a key to a value in the cache."});
    expect(found).toBeNull();
  });
});
