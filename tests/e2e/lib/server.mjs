// A tiny static file server for the built site (dist/), on 127.0.0.1 at a free port.
// Paths without a file extension that match no file get index.html (SPA fallback);
// a missing asset (.wasm, .js, ...) is a real 404, so a broken build shows up.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.toml': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The policy of the CSP test page: only the site's own files, wasm allowed, no inline code or style. */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** The built site to test: $DIST_DIR, which must hold an index.html. Throws a clear error otherwise. */
export async function distDir() {
  const dir = process.env.DIST_DIR;
  if (!dir) {
    throw new Error(
      'DIST_DIR is not set. These tests need a built site: run `cargo xtask test`, ' +
        'or `cargo xtask build` and then `DIST_DIR=$PWD/dist node --test` in tests/e2e.',
    );
  }
  const root = resolve(dir);
  const index = await stat(join(root, 'index.html')).catch(() => null);
  if (!index?.isFile()) {
    throw new Error(`DIST_DIR=${dir} has no index.html: build the site first (cargo xtask build).`);
  }
  return root;
}

/**
 * Serves `root`; resolves to { url, close, requests } once listening. With `{ production: true }`
 * it answers as a production static host does: text, JavaScript, CSS and wasm gzip-compressed
 * when the browser accepts it, and the build's hashed files cached for a year (for Lighthouse).
 */
export async function startServer(root, { production = false } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const status = await respond(root, req, res, production).catch((err) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
      return 500;
    });
    requests.push({ method: req.method, url: req.url, status });
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

async function respond(root, req, res, production) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return 405;
  }
  const pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  let file = resolve(join(root, pathname));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end();
    return 403;
  }
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) {
    if (extname(pathname) !== '') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${pathname}`);
      return 404;
    }
    file = join(root, 'index.html'); // SPA fallback
  }
  let body = await readFile(file);
  const type = MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers = { 'content-type': type, 'cache-control': 'no-store' };
  if (production) {
    // The build puts a content hash in the folder of the app's files (embed/<hash>/…) and in
    // the names of the advisors' files (advisors/ret.0123456789abcdef.json).
    const hashed = /\/[0-9a-f]{16}\/[^/]+$|\.[0-9a-f]{16}\.[a-z]+$/.test(file);
    headers['cache-control'] = hashed ? 'public, max-age=31536000, immutable' : 'no-cache';
    if (/^(text\/|application\/(wasm|json)|image\/svg)/.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      body = gzipSync(body, { level: 9 });
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    }
  }
  headers['content-length'] = body.length;
  // The widget's CSP test page is served with a strict policy (no 'unsafe-inline').
  if (pathname.endsWith('/csp.html')) headers['content-security-policy'] = STRICT_CSP;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
  return 200;
}
