import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('submitsInBrowser', () => {
  it("flags clicking an element in the browser as high network", () => {
    const found = checkRule(rule, {"name": "browser_click", "description": "Click an element on the page."});
    expect(found).toMatchObject({"risk": "high", "category": "network"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("ignores clicks outside a browser", () => {
    const found = checkRule(rule, {"name": "count_clicks", "description": "Count clicks in the analytics report."});
    expect(found).toBeNull();
  });
});
