import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('onlyReadsData', () => {
  it("rates listing a directory low", () => {
    const found = checkRule(rule, {"name": "list_directory", "description": "Get a detailed listing of all files in a path."});
    expect(found).toMatchObject({"risk": "low", "category": "read"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("treats a delete-named preview as a read", () => {
    const found = checkRule(rule, {"name": "delete_preview", "description": "Show which files would be deleted; nothing is deleted."});
    expect(found).toMatchObject({"risk": "low"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("ignores a tool that also writes", () => {
    const found = checkRule(rule, {"name": "get_or_create_user", "description": "Get a user, or create it when missing."});
    expect(found).toBeNull();
  });
});
