import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('writesFiles', () => {
  it("rates overwriting a file high", () => {
    const found = checkRule(rule, {"name": "write_file", "description": "Create a new file or completely overwrite an existing file with new content."});
    expect(found).toMatchObject({"risk": "high", "category": "write"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("rates creating a directory medium", () => {
    const found = checkRule(rule, {"name": "create_directory", "description": "Create a new directory."});
    expect(found).toMatchObject({"risk": "medium"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("ignores reading a file", () => {
    const found = checkRule(rule, {"name": "read_file", "description": "Read the complete contents of a file."});
    expect(found).toBeNull();
  });
  it('rates writing to a new file medium: nothing existing is replaced', () => {
    const found = checkRule(rule, { name: 'export_report', description: 'Write daily counts for an event to a new CSV file in the exports folder and return its path.' });
    expect(found).toMatchObject({ category: 'write', risk: 'medium' });
  });
  it('keeps a write that may replace an existing file high', () => {
    expect(checkRule(rule, { name: 'write_file', description: 'Write content to a new file, or replace an existing file.' })).toMatchObject({ risk: 'high' });
  });
});
