import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('runsSqlQuery', () => {
  it("rates a SELECT-only query tool medium", () => {
    const found = checkRule(rule, {"name": "read_query", "description": "Execute a SELECT query on the database."});
    expect(found).toMatchObject({"risk": "medium", "category": "execute"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("rates a tool that runs INSERT, UPDATE or DELETE high", () => {
    const found = checkRule(rule, {"name": "write_query", "description": "Execute an INSERT, UPDATE or DELETE query on the database."});
    expect(found).toMatchObject({"risk": "high"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("rates a raw query language tool high", () => {
    const found = checkRule(rule, {"name": "query", "description": "Execute a raw SurrealQL query against the database."});
    expect(found).toMatchObject({"risk": "high"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("ignores a research tool whose name merely contains query", () => {
    const found = checkRule(rule, {"name": "simulate_research_query", "description": "Simulates a deep research operation."});
    expect(found).toBeNull();
  });
});
