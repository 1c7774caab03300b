// A small static server for the browser tests: serves folders on 127.0.0.1 (a free port),
// `.wasm` as application/wasm, an optional Content-Security-Policy, optional CORS, optional
// per-path handlers to simulate failures, and a log of every request.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { dist, fixtures, feeds } from './paths.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The default mounts: dist/ as /meeting-search/, fixtures as /fixtures/, feeds as /feeds/. */
export const DEFAULT_MOUNTS = { '/meeting-search/': dist, '/fixtures/': fixtures, '/feeds/': feeds };

/**
 * Starts a server. Options:
 * - `root`: a folder served at `/`, or an object of URL prefix → folder (default DEFAULT_MOUNTS);
 * - `csp`: a Content-Security-Policy header value sent with every response;
 * - `cors`: send `Access-Control-Allow-Origin: *` (a widget served from another origin);
 * - `headers`: more headers for every response;
 * - `routes`: `{ '/path': (req, res, url) => ... }` handlers that take over those paths
 *   (see `handlers` below for 404/500/timeouts/HTML error pages);
 * - `host`: default 127.0.0.1; `port`: default 0 (a free one).
 * Resolves to `{ url, origin, port, requests, clearRequests(), close() }` where `url` ends
 * with `/` and `requests` lists `{ method, path, url, headers, status, time }` in order.
 */
export async function serve(options = {}) {
  const { root = DEFAULT_MOUNTS, csp, cors = false, headers = {}, routes = {}, host = '127.0.0.1', port = 0 } = options;
  const mounts = Object.entries(typeof root === 'string' ? { '/': root } : root).sort(
    (a, b) => b[0].length - a[0].length,
  );
  const requests = [];
  const sockets = new Set();

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, `http://${req.headers.host ?? host}`);
    const entry = { method: req.method, path: url.pathname, url: url.pathname + url.search, headers: req.headers, status: 0, time: Date.now() };
    requests.push(entry);
    res.on('finish', () => { entry.status = res.statusCode; });
    if (csp) res.setHeader('Content-Security-Policy', csp);
    if (cors) res.setHeader('Access-Control-Allow-Origin', '*');
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    try {
      const route = routes[url.pathname];
      if (route) {
        await route(req, res, url);
        return;
      }
      serveFile(mounts, url.pathname, req, res);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(err?.stack ?? err));
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const actualPort = server.address().port;
  const origin = `http://${host}:${actualPort}`;
  return {
    url: `${origin}/`,
    origin,
    port: actualPort,
    requests,
    clearRequests() {
      requests.length = 0;
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((ok) => server.close(() => ok()));
    },
  };
}

function serveFile(mounts, pathname, req, res) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return notFound(res, pathname);
  }
  const mount = mounts.find(([prefix]) => decoded.startsWith(prefix) || decoded === prefix.replace(/\/$/, ''));
  if (!mount) return notFound(res, pathname);
  const [prefix, mounted] = mount;
  const folder = resolve(mounted);
  const file = normalize(join(folder, decoded.slice(prefix.length)));
  if (file !== folder && !file.startsWith(folder + sep)) return notFound(res, pathname);
  let path = file;
  let st;
  try {
    st = statSync(path);
    if (st.isDirectory()) {
      if (!decoded.endsWith('/')) {
        res.writeHead(301, { Location: `${pathname}/` });
        return res.end();
      }
      path = join(path, 'index.html');
      st = statSync(path);
    }
  } catch {
    return notFound(res, pathname);
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': st.size,
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(path).pipe(res);
}

function notFound(res, pathname) {
  // Browsers ask for /favicon.ico on their own; a 404 would be a console error in every test.
  if (pathname === '/favicon.ico') {
    res.writeHead(204);
    return res.end();
  }
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('not found');
}

/** Ready-made route handlers that simulate a feed server misbehaving. */
export const handlers = {
  /** Answers with `status` and a plain-text body. */
  status: (status, body = `status ${status}`) => (req, res) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(body);
  },
  /** Answers 200 with an HTML page (what a broken CMS sends instead of JSON). */
  html: (body = '<!doctype html><title>Error</title><h1>Something went wrong</h1>', status = 200) => (req, res) => {
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(body);
  },
  /** Answers 200 with `body` (a string or object, sent as JSON). */
  json: (body, extraHeaders = {}) => (req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', ...extraHeaders });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  },
  /** Never answers (the connection stays open until the server closes): a timeout. */
  hang: () => () => new Promise(() => {}),
  /** Answers after `ms` milliseconds with `inner`. */
  delay: (ms, inner) => (req, res, url) => new Promise((ok) => setTimeout(() => ok(inner(req, res, url)), ms)),
  /** Drops the connection without an answer (a network error). */
  reset: () => (req) => {
    req.socket.destroy();
  },
};
