import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('readsPrivateData', () => {
  it("rates reading file contents medium", () => {
    const found = checkRule(rule, {"name": "read_file", "description": "Read the complete contents of a file."});
    expect(found).toMatchObject({"risk": "medium", "category": "read"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("rates listing received emails medium", () => {
    const found = checkRule(rule, {"name": "list-received-emails", "description": "List emails received by your address."});
    expect(found).toMatchObject({"risk": "medium"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("rates dumping environment variables medium", () => {
    const found = checkRule(rule, {"name": "get-env", "description": "Returns all environment variables."});
    expect(found).toMatchObject({"risk": "medium"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("ignores file metadata", () => {
    const found = checkRule(rule, {"name": "get_file_info", "description": "Retrieve detailed metadata about a file."});
    expect(found).toBeNull();
  });
  it("ignores the schema of contacts", () => {
    const found = checkRule(rule, {"name": "list-contact-properties", "description": "List all contact properties."});
    expect(found).toBeNull();
  });
  it('rates reading one note or a command log medium, singular nouns included', () => {
    expect(checkRule(rule, { name: 'read_note', description: "Return the full text of one of the user's notes." })).toMatchObject({ risk: 'medium' });
    expect(checkRule(rule, { name: 'read_command_log', description: 'Return the last lines of the log of commands run through this server.' })).toMatchObject({ risk: 'medium' });
  });
  it('rates listing instances medium: infrastructure state', () => {
    const found = checkRule(rule, { name: 'list_instances', description: 'List compute instances in a region with their state and public IP.' });
    expect(found).toMatchObject({ risk: 'medium' });
    expect(found!.tags).toEqual(expect.arrayContaining(['infrastructure', 'private-data']));
  });
  it('ignores the commit log of a repository, the server in "server time", and demos', () => {
    expect(checkRule(rule, { name: 'git_log', description: 'Shows the commit logs.' })).toBeNull();
    expect(checkRule(rule, { name: 'get_time', description: 'Return the server time.' })).toBeNull();
    expect(checkRule(rule, { name: 'list_servers', description: 'List the MCP servers in the registry.' })).toBeNull();
    expect(checkRule(rule, { name: 'get-annotated-message', description: 'Demonstrates how annotations can be used to provide metadata about content.' })).toBeNull();
  });
});
