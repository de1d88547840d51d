import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('drivesBrowser', () => {
  it("flags navigating the browser as high", () => {
    const found = checkRule(rule, {"name": "browser_navigate", "description": "Navigate the browser to a URL."});
    expect(found).toMatchObject({"risk": "high", "category": "network"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("rates typing into a page medium", () => {
    const found = checkRule(rule, {"name": "browser_type", "description": "Type text into an element on the page."});
    expect(found).toMatchObject({"risk": "medium"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
});
