// Proves the browser-test harness itself: the static server (mounts, MIME types, CSP, routes,
// request log), Chromium through playwright-core, page options, the axe helper on an open
// shadow root under a strict CSP. (dist/ itself under a strict CSP: csp.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, newPage, pageErrors } from './lib/browser.mjs';
import { serve, handlers } from './lib/server.mjs';
import { checkA11y, formatViolations } from './lib/a11y.mjs';

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
// The smallest valid module: magic number and version.
const EMPTY_WASM = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

let browser;
let dir;

before(async () => {
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'harness-'));
  writeFileSync(join(dir, 'empty.wasm'), EMPTY_WASM);
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><title>fixture</title>
<main><h1>Fixture</h1><div id="host"></div></main>
<script>window.inlineRan = true;</script>
<script src="app.js"></script>`,
  );
  writeFileSync(
    join(dir, 'app.js'),
    `(async () => {
  const { instance } = await WebAssembly.instantiateStreaming(fetch('empty.wasm'));
  document.body.dataset.wasm = typeof instance;
  const feed = await fetch('feed.json');
  document.body.dataset.feed = String(feed.status);
  const host = document.getElementById('host');
  const root = host.attachShadow({ mode: 'open' });
  const bad = new URLSearchParams(location.search).has('bad');
  root.innerHTML = bad
    ? '<input type="text">'
    : '<label>Search <input type="text"></label>';
  document.body.dataset.ready = 'yes';
})();`,
  );
});

after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('serves files with their types, applies the CSP and logs every request', async () => {
  const server = await serve({ root: dir, csp: STRICT_CSP, routes: { '/feed.json': handlers.status(500) } });
  try {
    const page = await newPage(browser);
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="yes"]', { state: 'attached' });
    assert.equal(await page.evaluate(() => document.body.dataset.wasm), 'object', 'wasm instantiated (application/wasm, wasm-unsafe-eval)');
    assert.equal(await page.evaluate(() => document.body.dataset.feed), '500', 'the route answered 500');
    assert.equal(await page.evaluate(() => window.inlineRan), undefined, 'the CSP blocked the inline script');
    const paths = server.requests.map((r) => r.path);
    for (const p of ['/', '/app.js', '/empty.wasm', '/feed.json']) assert.ok(paths.includes(p), `${p} was requested: ${paths}`);
    assert.equal(server.requests.find((r) => r.path === '/feed.json').status, 500);
    const wasmType = await page.evaluate(async () => (await fetch('empty.wasm')).headers.get('content-type'));
    assert.equal(wasmType, 'application/wasm');
    await page.close();
  } finally {
    await server.close();
  }
});

test('routes simulate timeouts and dropped connections; unknown paths are 404', async () => {
  const server = await serve({ root: dir, routes: { '/slow.json': handlers.hang(), '/reset.json': handlers.reset() } });
  try {
    const page = await newPage(browser);
    await page.goto(server.url);
    const outcome = await page.evaluate(async () => {
      const ctl = new AbortController();
      setTimeout(() => ctl.abort(), 300);
      const slow = await fetch('slow.json', { signal: ctl.signal }).then(() => 'answered', (e) => e.name);
      const reset = await fetch('reset.json').then(() => 'answered', (e) => e.name);
      const missing = (await fetch('nope.json')).status;
      return { slow, reset, missing };
    });
    assert.deepEqual(outcome, { slow: 'AbortError', reset: 'TypeError', missing: 404 });
    await page.close();
  } finally {
    await server.close();
  }
});

test('page options: locale, colour scheme, viewport and offline', async () => {
  const server = await serve({ root: dir });
  try {
    const page = await newPage(browser, { locale: 'es-ES', colorScheme: 'dark', viewport: { width: 320, height: 640 } });
    await page.goto(server.url);
    const seen = await page.evaluate(() => ({
      lang: navigator.language,
      dark: matchMedia('(prefers-color-scheme: dark)').matches,
      width: innerWidth,
    }));
    assert.deepEqual(seen, { lang: 'es-ES', dark: true, width: 320 });
    await page.context().setOffline(true);
    const offline = await page.evaluate(() => fetch('app.js').then(() => 'online', () => 'offline'));
    assert.equal(offline, 'offline');
    await page.close();
  } finally {
    await server.close();
  }
});

test('checkA11y audits an open shadow root under a strict CSP', async () => {
  const server = await serve({ root: dir, csp: STRICT_CSP, routes: { '/feed.json': handlers.json([]) } });
  try {
    const page = await newPage(browser);
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="yes"]', { state: 'attached' });
    const good = await checkA11y(page, '#host');
    assert.deepEqual(good, [], formatViolations(good));

    await page.goto(`${server.url}?bad`);
    await page.waitForSelector('body[data-ready="yes"]', { state: 'attached' });
    const bad = await checkA11y(page, '#host');
    assert.ok(bad.some((v) => v.id === 'label'), `expected an unlabelled input: ${formatViolations(bad)}`);
    assert.deepEqual(pageErrors(page).filter((e) => !e.includes('Content Security Policy')), []);
    await page.close();
  } finally {
    await server.close();
  }
});
