import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('onlyComputes', () => {
  it("rates a calculator low", () => {
    const found = checkRule(rule, {"name": "add", "description": "Adds two numbers."});
    expect(found).toMatchObject({"risk": "low", "category": "read"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("rates asking the client for sampling low", () => {
    const found = checkRule(rule, {"name": "trigger-sampling-request", "description": "Trigger a Request from the Server for LLM Sampling."});
    expect(found).toMatchObject({"risk": "low"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("ignores a tool that sends email", () => {
    const found = checkRule(rule, {"name": "send-email", "description": "Send an email."});
    expect(found).toBeNull();
  });
  it('counts picking a random number and multiplying numbers as computing', () => {
    expect(checkRule(rule, { name: 'pick', description: 'Pick a random integer between two bounds.' })).toMatchObject({ risk: 'low' });
    expect(checkRule(rule, { name: 'product', description: 'Multiply two numbers.' })).toMatchObject({ risk: 'low' });
  });
});
