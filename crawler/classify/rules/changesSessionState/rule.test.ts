import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('changesSessionState', () => {
  it("rates switching the session database low", () => {
    const found = checkRule(rule, {"name": "use_database", "description": "Change the database on the currently connected endpoint."});
    expect(found).toMatchObject({"risk": "low", "category": "write"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("rates a simulated toggle low", () => {
    const found = checkRule(rule, {"name": "toggle-simulated-logging", "description": "Toggles simulated logging on or off."});
    expect(found).toMatchObject({"risk": "low"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("ignores switching git branches, which changes files", () => {
    const found = checkRule(rule, {"name": "git_checkout", "description": "Switches branches."});
    expect(found).toBeNull();
  });
});
