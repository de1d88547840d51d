import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('provisionsInfrastructure', () => {
  it("flags creating a cloud instance as high admin", () => {
    const found = checkRule(rule, {"name": "create_cloud_instance", "description": "Create a cloud database instance."});
    expect(found).toMatchObject({"risk": "high", "category": "admin"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("rates resuming an instance medium", () => {
    const found = checkRule(rule, {"name": "resume_cloud_instance", "description": "Resume a paused cloud instance."});
    expect(found).toMatchObject({"risk": "medium"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("rates applying Kubernetes manifests critical", () => {
    const found = checkRule(rule, {"name": "apply_manifest", "description": "Apply a Kubernetes manifest to the cluster."});
    expect(found).toMatchObject({"risk": "critical"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("ignores listing instances", () => {
    const found = checkRule(rule, {"name": "list_cloud_instances", "description": "List cloud instances."});
    expect(found).toBeNull();
  });
  it('leaves deleting a pod to deletesData, which knows whether it comes back', () => {
    expect(checkRule(rule, { name: 'delete_pod', description: 'Delete a pod.' })).toBeNull();
  });
});
