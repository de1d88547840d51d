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
  it('ignores a constant base URL whose path or query a parameter fills', () => {
    const code = 'return httpx.get(f"{WEATHER_API}/alerts", params={"region": region}).json()';
    expect(checkRule(rule, { name: 'get_alerts', description: 'Active weather alerts for a region.', params: { region: 'Region code' }, code, file: 'server.py' })).toBeNull();
  });
  it('follows a call over several lines and a local url variable to a constant base', () => {
    const multiLine = 'response = httpx.post(\n    f"{WEATHER_API}/current",\n    json={"q": city},\n)';
    expect(checkRule(rule, { name: 'get_weather', description: 'Current weather.', params: { city: 'City' }, code: multiLine, file: 'server.py' })).toBeNull();
    const local = 'const url = `${this.baseUrl}/users/${id}`;\nconst res = await fetch(url);';
    expect(checkRule(rule, { name: 'get_user', description: 'Get a user.', params: { id: 'User ID' }, code: local })).toBeNull();
  });
  it('flags a request whose host is a parameter, even inside a template', () => {
    const found = checkRule(rule, { name: 'ping_service', description: 'Check a service.', params: { host: 'Host name' }, code: 'const res = await fetch(`https://${host}/health`);' });
    expect(found).toMatchObject({ risk: 'high', category: 'network' });
    expect(found!.evidence.some((e) => e.kind === 'code')).toBe(true);
  });
  it('flags a parameter that the description calls a URL', () => {
    const found = checkRule(rule, { name: 'gzip_file', description: 'Compresses a file.', params: { data: 'URL or data URI of the file content' }, code: 'const response = await fetchSafely(url, { maxBytes });' });
    expect(found).toMatchObject({ risk: 'high' });
  });
  it('does not read a url in the name as fetching when it names what is returned', () => {
    expect(checkRule(rule, { name: 'dashboard_url', description: 'Build the URL of a saved dashboard from its slug.', params: { slug: 'Dashboard slug' } })).toBeNull();
    expect(checkRule(rule, { name: 'fetch_url', description: 'Fetch a page.' })).toMatchObject({ risk: 'high' });
  });
  it('does not take a "URL slug" parameter for an address', () => {
    expect(checkRule(rule, { name: 'get_article', description: 'Get an article.', params: { slug: 'The URL slug of the article' } })).toBeNull();
  });
  it('does not take an address stored on an object, like a redirect URL, for a request', () => {
    expect(checkRule(rule, { name: 'create_payment_link', description: 'Create a payment link.', params: { redirect_url: 'The URL to redirect to after the payment is completed.' } })).toBeNull();
    expect(checkRule(rule, { name: 'fetch_page', description: 'Return the text of a page.', params: { url: 'The URL to fetch' } })).toMatchObject({ risk: 'high' });
  });
});
