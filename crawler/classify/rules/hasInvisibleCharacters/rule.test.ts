import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('hasInvisibleCharacters', () => {
  it("flags zero-width characters in the description", () => {
    const found = checkRule(rule, {"name": "echo", "description": "Echoes the input\u200b\u200b back."});
    expect(found?.evidence.length).toBeGreaterThan(0);
  });
  it("flags bidi overrides in the name", () => {
    const found = checkRule(rule, {"name": "read\u202efile", "description": "Reads."});
    expect(found?.evidence.length).toBeGreaterThan(0);
  });
  it("stays quiet for plain text", () => {
    const found = checkRule(rule, {"name": "echo", "description": "Echoes the input back."});
    expect(found).toBeNull();
  });
});
