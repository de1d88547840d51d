import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.sqlite': 'application/vnd.sqlite3',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` that a URL path names, or null when the path is malformed or leaves the root.
 * The result may not exist.
 */
export function resolveRequestPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const file = resolve(root, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  return file === root || file.startsWith(root + sep) ? file : null;
}

/**
 * Serves a built site from `dir` with node:http: GET and HEAD only, directories through their
 * index.html (redirected to the trailing-slash URL), 404.html for anything missing. Port 0 picks a free port.
 */
export async function serveStatic(dir: string, port: number, host = '127.0.0.1'): Promise<{ url: string; close(): Promise<void> }> {
  const root = await realpath(resolve(dir));

  async function fileFor(path: string): Promise<{ file: string; size: number } | 'redirect' | null> {
    const target = resolveRequestPath(root, path);
    if (!target) return null;
    try {
      let info = await stat(target);
      let file = target;
      if (info.isDirectory()) {
        if (!path.endsWith('/')) return 'redirect';
        file = join(target, 'index.html');
        info = await stat(file);
      }
      if (!info.isFile()) return null;
      // A symlink inside the site must not lead out of it.
      const real = await realpath(file);
      if (real !== root && !real.startsWith(root + sep)) return null;
      return { file: real, size: info.size };
    } catch {
      return null;
    }
  }

  async function respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method Not Allowed\n');
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    const found = await fileFor(url.pathname);
    if (found === 'redirect') {
      // One leading slash only: `//host` in Location would send the browser elsewhere.
      response.writeHead(301, { Location: `/${url.pathname.replace(/^\/+/, '')}/${url.search}` }).end();
      return;
    }
    let status = 200;
    let target = found;
    if (!target) {
      status = 404;
      const page = await fileFor('/404.html');
      if (!page || page === 'redirect') {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not Found\n');
        return;
      }
      target = page;
    }
    response.writeHead(status, { 'Content-Type': contentType(target.file), 'Content-Length': target.size });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(target.file).on('error', () => response.destroy()).pipe(response);
  }

  const server = createServer((request, response) => {
    respond(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Internal Server Error\n');
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}
