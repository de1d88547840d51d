import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('changesData', () => {
  it("flags creating records as a medium write", () => {
    const found = checkRule(rule, {"name": "create_entities", "description": "Create multiple new entities in the knowledge graph."});
    expect(found).toMatchObject({"risk": "medium", "category": "write"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("counts removing a membership as a write", () => {
    const found = checkRule(rule, {"name": "remove-contact-from-segment", "description": "Remove a contact from a segment."});
    expect(found).toMatchObject({"risk": "medium"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("ignores adding two numbers", () => {
    const found = checkRule(rule, {"name": "add", "description": "Adds two numbers."});
    expect(found).toBeNull();
  });
  it("ignores switching the current database of the session", () => {
    const found = checkRule(rule, {"name": "use_database", "description": "Change the database on the currently connected endpoint."});
    expect(found).toBeNull();
  });
});
