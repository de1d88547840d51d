import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRequestPath, serveStatic } from '../../site/serve.ts';

let dir: string;
let outside: string;
let server: { url: string; close(): Promise<void> };

/** A raw request, so that paths like /../ reach the server unnormalised. */
function get(path: string, method = 'GET'): Promise<{ status: number; type: string | undefined; location: string | undefined; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((done, fail) => {
    const req = request({ hostname, port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk) => (body += chunk)).on('end', () =>
        done({ status: res.statusCode!, type: res.headers['content-type'], location: res.headers.location, body }));
    });
    req.on('error', fail).end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mcp-risk-serve-'));
  outside = mkdtempSync(join(tmpdir(), 'mcp-risk-secret-'));
  writeFileSync(join(outside, 'secret.txt'), 'secret');
  mkdirSync(join(dir, 'tools/srv/read_file'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<h1>home</h1>');
  writeFileSync(join(dir, '404.html'), '<h1>Page not found</h1>');
  writeFileSync(join(dir, 'tools/srv/read_file/index.html'), '<h1>read_file</h1>');
  writeFileSync(join(dir, 'style.css'), 'body{}');
  symlinkSync(join(outside, 'secret.txt'), join(dir, 'leak.txt'));
  server = await serveStatic(dir, 0);
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('serveStatic', () => {
  it('serves pages through index.html with an HTML content type', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await get('/');
    expect(home).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<h1>home</h1>' });
    expect((await get('/tools/srv/read_file/')).body).toBe('<h1>read_file</h1>');
    expect((await get('/style.css')).type).toBe('text/css; charset=utf-8');
  });

  it('redirects a folder without its trailing slash, never to another host', async () => {
    expect(await get('/tools/srv/read_file')).toMatchObject({ status: 301, location: '/tools/srv/read_file/' });
  });

  it('answers missing pages with the site 404 page', async () => {
    expect(await get('/tools/nope/')).toMatchObject({ status: 404, body: '<h1>Page not found</h1>' });
  });

  it('refuses paths that leave the folder, encoded or through a symlink', async () => {
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/leak.txt', '/%00']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('root:');
      expect(response.body, path).not.toContain('secret');
    }
  });

  it('answers only GET and HEAD', async () => {
    expect((await get('/', 'POST')).status).toBe(405);
    expect(await get('/', 'HEAD')).toMatchObject({ status: 200, body: '' });
  });
});

describe('resolveRequestPath', () => {
  it('keeps paths inside the root', () => {
    expect(resolveRequestPath('/site', '/a/b.html')).toBe('/site/a/b.html');
    expect(resolveRequestPath('/site', '/a/../../x')).toBeNull();
    expect(resolveRequestPath('/site', '/%E0%A4%A')).toBeNull();
  });
});
