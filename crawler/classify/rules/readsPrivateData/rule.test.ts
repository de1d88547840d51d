import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('readsPrivateData', () => {
  it("rates reading file contents medium", () => {
    const found = checkRule(rule, {"name": "read_file", "description": "Read the complete contents of a file."});
    expect(found).toMatchObject({"risk": "medium", "category": "read"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("rates listing received emails medium", () => {
    const found = checkRule(rule, {"name": "list-received-emails", "description": "List emails received by your address."});
    expect(found).toMatchObject({"risk": "medium"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("rates dumping environment variables medium", () => {
    const found = checkRule(rule, {"name": "get-env", "description": "Returns all environment variables."});
    expect(found).toMatchObject({"risk": "medium"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("ignores file metadata", () => {
    const found = checkRule(rule, {"name": "get_file_info", "description": "Retrieve detailed metadata about a file."});
    expect(found).toBeNull();
  });
  it("ignores the schema of contacts", () => {
    const found = checkRule(rule, {"name": "list-contact-properties", "description": "List all contact properties."});
    expect(found).toBeNull();
  });
});
