import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RateLimitStop } from '../../crawler/github/errors.ts';
import { USER_AGENT } from '../../crawler/github/endpoints.ts';
import { resolveEndpoints } from '../../crawler/github/endpoints.ts';
import { fixtureWorld, harness, TOKEN, type Harness } from './helpers.ts';

const Repo = z.object({ id: z.number(), full_name: z.string() });

describe('the GitHub client', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(fixtureWorld());
  });
  afterAll(() => h.close());

  it('identifies itself, sends the token to the API only, and tracks the budget per x-ratelimit-resource', async () => {
    const client = h.client();

    const repo = await client.get('/repos/acme/weather-mcp', {}, Repo);
    await client.fetch(`${h.standIn.registryUrl}/v0.1/servers`);

    expect(repo?.data.full_name).toBe('acme/weather-mcp');
    expect(USER_AGENT).toMatch(/^mcp-risk\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/mcp-risk\/mcp-risk\)$/);
    const [api, registry] = h.standIn.requests.slice(-2);
    expect(api.userAgent).toContain(USER_AGENT);
    expect(api.authorization).toBe(`token ${TOKEN}`);
    expect(registry.userAgent).toBe(USER_AGENT);
    expect(registry.authorization).toBeUndefined();
    expect(client.budgets.get('core')).toMatchObject({ limit: 5000, requests: 1 });
  });

  it('waits until x-ratelimit-reset on a primary limit, then succeeds', async () => {
    const client = h.client();
    h.standIn.inject({ resource: 'core', kind: 'primary', seconds: 120 });
    const before = h.clock.slept.length;

    const repo = await client.get('/repos/acme/weather-mcp', {}, Repo);

    expect(repo?.data.id).toBeGreaterThan(0);
    const waited = h.clock.slept.slice(before);
    expect(waited).toHaveLength(1);
    expect(waited[0]).toBeGreaterThanOrEqual(118_000);
    expect(waited[0]).toBeLessThanOrEqual(122_000);
  });

  it('honours retry-after on a secondary limit and on 429, and a minute when retry-after is missing', async () => {
    const client = h.client();
    h.standIn.inject({ resource: 'search', kind: 'secondary', seconds: 7 });
    h.standIn.inject({ resource: 'search', kind: '429', seconds: 3 });
    h.standIn.inject({ resource: 'search', kind: 'secondary-no-retry-after' });
    const before = h.clock.slept.length;

    const result = await client.get('/search/repositories', { q: 'topic:mcp-server', per_page: 1 }, z.object({ total_count: z.number() }));

    expect(result?.data.total_count).toBeGreaterThan(0);
    expect(h.clock.slept.slice(before)).toEqual([7000, 3000, 240_000]);
  });

  it('gives up after a bounded number of retries on server errors', async () => {
    const client = h.client({ maxRetries: 2 });
    h.standIn.inject({ resource: 'core', kind: '502', times: 5 });

    await expect(client.get('/repos/acme/weather-mcp', {}, Repo)).rejects.toThrow(/HTTP 502/);

    h.standIn.clearFaults();
  });

  it('stops at a checkpoint instead of waiting past the allowed time', async () => {
    const client = h.client({ maxWaitMs: 60_000 });
    h.standIn.inject({ resource: 'graphql', kind: 'primary', seconds: 3600 });

    await expect(client.graphql('query { rateLimit { cost remaining resetAt } }', z.unknown())).rejects.toBeInstanceOf(RateLimitStop);
  });

  it('never puts the token in an error message', async () => {
    const client = h.client({ maxRetries: 0 });

    const error = (await client.get('/repos/nobody/nothing', {}, Repo).catch((e: unknown) => e)) as Error;

    expect(error.message).toContain('404');
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(TOKEN);
  });

  it('takes its URLs from flags first, then the environment', () => {
    const env = { GITHUB_API_URL: 'https://ghe.example/api/v3', MCP_RISK_ARCHIVE_URL: 'https://archives.example/' };

    const endpoints = resolveEndpoints({ registryUrl: 'http://127.0.0.1:1/registry' }, env);

    expect(endpoints).toEqual({
      apiUrl: 'https://ghe.example/api/v3', graphqlUrl: 'https://ghe.example/api/v3/graphql',
      archiveUrl: 'https://archives.example', registryUrl: 'http://127.0.0.1:1/registry',
    });
  });
});
