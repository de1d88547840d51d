import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('installsPackages', () => {
  it("flags pip installs of caller-chosen packages", () => {
    const found = checkRule(rule, {"name": "pip_install_package", "description": "Install a Python package using pip."});
    expect(found).toMatchObject({"risk": "high", "category": "execute"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("ignores installing a theme setting that is not a package", () => {
    const found = checkRule(rule, {"name": "install_status", "description": "Check whether the installation finished."});
    expect(found).toBeNull();
  });
});
