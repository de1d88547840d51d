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
  it('rates a package install through a fixed program high, as SPEC says for package installs', () => {
    const code = 'proc = subprocess.run(\n    [sys.executable, "-m", "pip", "install", package],\n    capture_output=True,\n)';
    const found = checkRule(rule, { name: 'pip_install', description: 'Install a package from PyPI into the server environment.', params: { package: 'Package name' }, code, file: 'server.py' });
    expect(found).toMatchObject({ category: 'execute', risk: 'high' });
  });
  it('keeps a package install through a shell command line critical: the name can inject commands', () => {
    const code = 'subprocess.run(f"pip install {package}", shell=True)';
    expect(checkRule(rule, { name: 'pip_install', description: 'Install a package from PyPI.', params: { package: 'Package name' }, code, file: 'server.py' })).toMatchObject({ risk: 'critical' });
  });
});
