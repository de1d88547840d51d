import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('runsShellCommand', () => {
  it("flags a tool that runs shell commands from its description", () => {
    const found = checkRule(rule, {"name": "execute_command", "description": "Execute a shell command on the host and return its output."});
    expect(found).toMatchObject({"risk": "critical", "category": "execute"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("flags a handler that calls child_process even when the text is bland", () => {
    const found = checkRule(rule, {"name": "build_project", "description": "Builds the project.", "code": "const out = execSync(args.target);"});
    expect(found).toMatchObject({"risk": "critical"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("rates a command runner high when the description says it is sandboxed", () => {
    const found = checkRule(rule, {"name": "run_command", "description": "Run a bash command inside a sandboxed container."});
    expect(found).toMatchObject({"risk": "high"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("ignores a run that starts a harmless timer", () => {
    const found = checkRule(rule, {"name": "run_timer", "description": "Run a countdown timer for the given number of seconds."});
    expect(found).toBeNull();
  });
});
