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
  it('rates a permanent delete high even when the description mentions an archived copy', () => {
    const found = checkRule(rule, { name: 'purge_note', description: 'Permanently remove a note and its archived copy from disk. This cannot be undone.' });
    expect(found).toMatchObject({ category: 'delete', risk: 'high' });
    expect(found!.evidence.some((e) => e.kind === 'text' && /cannot be undone|Permanently/.test(e.quote))).toBe(true);
  });
  it('reads "not moved to the trash" as irreversible, not as a trash', () => {
    const found = checkRule(rule, { name: 'delete_file', description: 'Delete a file. The file is unlinked, not moved to the trash.' });
    expect(found).toMatchObject({ risk: 'high' });
  });
  it('reads "is not recoverable" as irreversible', () => {
    expect(checkRule(rule, { name: 'delete_backup', description: 'Delete a backup. A deleted backup is not recoverable.' })).toMatchObject({ risk: 'high' });
  });
  it('rates deleting an object that its controller recreates as a recoverable delete', () => {
    const found = checkRule(rule, { name: 'delete_pod', description: 'Delete a pod. Pods owned by a Deployment or ReplicaSet are recreated by their controller.' });
    expect(found).toMatchObject({ category: 'delete', risk: 'medium' });
    expect(found!.tags).toContain('infrastructure');
  });
  it('rates moving a note to the archive folder as a recoverable delete', () => {
    const found = checkRule(rule, { name: 'archive_note', description: 'Move a note to the archive folder. Archived notes can be restored.' });
    expect(found).toMatchObject({ category: 'delete', risk: 'medium' });
  });
  it('does not take a bin directory for a recycle bin', () => {
    expect(checkRule(rule, { name: 'remove_script', description: 'Remove a script from the bin directory of the project.' })).toMatchObject({ risk: 'high' });
  });
});
