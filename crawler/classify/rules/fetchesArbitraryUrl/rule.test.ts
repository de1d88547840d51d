import { describe, expect, it } from 'vitest';
import { checkRule } from '../../../../test/classify/check-rule.ts';
import * as rule from './index.ts';

describe('fetchesArbitraryUrl', () => {
  it("flags fetching a URL from the internet as high network", () => {
    const found = checkRule(rule, {"name": "fetch", "description": "Fetches a URL from the internet and extracts its contents."});
    expect(found).toMatchObject({"risk": "high", "category": "network"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("flags a url parameter fed to fetch in the handler", () => {
    const found = checkRule(rule, {"name": "gzip_file", "description": "Compresses a file.", "params": {"url": "Where to get the file"}, "code": "const res = await fetch(url);"});
    expect(found).toMatchObject({"risk": "high"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("flags connecting to a caller-chosen endpoint", () => {
    const found = checkRule(rule, {"name": "connect_endpoint", "description": "Connect to a different SurrealDB endpoint."});
    expect(found).toMatchObject({"risk": "high"});
    expect(found!.evidence.length).toBeGreaterThan(0);
  });
  it("ignores a description that mentions a download URL in the result", () => {
    const found = checkRule(rule, {"name": "get-email", "description": "Retrieve an email by ID, including a raw email download URL."});
    expect(found).toBeNull();
  });
  it("ignores a fixed-host documentation search", () => {
    const found = checkRule(rule, {"name": "search_docs", "description": "Search the Stripe documentation."});
    expect(found).toBeNull();
  });
});
