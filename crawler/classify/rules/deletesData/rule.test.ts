import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('deletesData', () => {
  it("flags deleting files as high", () => {
    const found = checkRule(rule, {"name": "delete_file", "description": "Delete a file or directory from the file system."});
    expect(found).toMatchObject({"risk": "high", "category": "delete"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("rates moving to the trash medium", () => {
    const found = checkRule(rule, {"name": "delete_message", "description": "Move a message to the trash; it can be restored for 30 days."});
    expect(found).toMatchObject({"risk": "medium"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("finds an unlink in the handler", () => {
    const found = checkRule(rule, {"name": "cleanup", "description": "Cleans up.", "code": "await fs.promises.unlink(target);"});
    expect(found).toMatchObject({"risk": "high"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("ignores a handler that removes its own temporary file", () => {
    const found = checkRule(rule, {"name": "get_viewport_screenshot", "description": "Capture a screenshot of the viewport.", "code": "os.remove(temp_path)", "file": "server.py"});
    expect(found).toBeNull();
  });
  it("ignores a delete-named tool that only previews", () => {
    const found = checkRule(rule, {"name": "delete_preview", "description": "Show which files would be deleted; nothing is deleted."});
    expect(found).toBeNull();
  });
  it("ignores removing a contact from a segment", () => {
    const found = checkRule(rule, {"name": "remove-contact-from-segment", "description": "Remove a contact from a segment."});
    expect(found).toBeNull();
  });
});
