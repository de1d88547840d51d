import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('executesCode', () => {
  it("flags running caller Python in the server process as critical", () => {
    const found = checkRule(rule, {"name": "run_python_code", "description": "Run Python code in the current environment."});
    expect(found).toMatchObject({"risk": "critical", "category": "execute"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("rates JavaScript evaluated in a web page as high", () => {
    const found = checkRule(rule, {"name": "evaluate_script", "description": "Execute JavaScript code in the current browser page."});
    expect(found).toMatchObject({"risk": "high"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("finds exec() in a Python handler", () => {
    const found = checkRule(rule, {"name": "calculate", "description": "Calculates a result.", "code": "    exec(params.code, {})", "file": "server.py"});
    expect(found).toMatchObject({"risk": "critical"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("ignores a run that starts a harmless timer", () => {
    const found = checkRule(rule, {"name": "run_timer", "description": "Run a countdown timer for the given number of seconds."});
    expect(found).toBeNull();
  });
  it('rates JavaScript in the current page high, as SPEC says for page JavaScript', () => {
    const found = checkRule(rule, { name: 'browser_evaluate', description: 'Run a JavaScript expression in the context of the current page and return its JSON result.', params: { script: 'JavaScript expression' } });
    expect(found).toMatchObject({ category: 'execute', risk: 'high' });
    expect(found!.tags).toContain('browser');
  });
  it('keeps JavaScript run by Node on the host critical', () => {
    expect(checkRule(rule, { name: 'run_javascript', description: 'Run JavaScript code with Node.js and return its output.' })).toMatchObject({ risk: 'critical' });
  });
});
