import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('sendsMessages', () => {
  it("flags sending email as high communicate", () => {
    const found = checkRule(rule, {"name": "send-email", "description": "Send a single email to one or more recipients."});
    expect(found).toMatchObject({"risk": "high", "category": "communicate"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("rates a comment on a pull request medium", () => {
    const found = checkRule(rule, {"name": "add_comment", "description": "Post a comment on a pull request."});
    expect(found).toMatchObject({"risk": "medium"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("ignores listing sent emails", () => {
    const found = checkRule(rule, {"name": "list-emails", "description": "List recently sent emails (sent via send-email)."});
    expect(found).toBeNull();
  });
  it("ignores drafting a broadcast that is not sent", () => {
    const found = checkRule(rule, {"name": "create-broadcast", "description": "Create a broadcast campaign (one email sent to an entire audience)."});
    expect(found).toBeNull();
  });
});
