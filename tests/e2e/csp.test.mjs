// A strict Content Security Policy: the widget works on a page served with
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
// (no 'unsafe-inline', no 'unsafe-eval'): it loads, filters, opens a detail, makes its calendar
// file, mounts several widgets and through the API, with the optional service worker too, and
// the browser reports no violation at all.
//
//   node --test tests/e2e/csp.test.mjs      (after `make dist`)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, newPage, pageErrors } from './lib/browser.mjs';
import { serve } from './lib/server.mjs';
import * as s from './fixtures/support.mjs';

/** The exact policy the README gives site owners (feeds on the page's own origin). */
const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const TOWN = JSON.parse(await readFile(new URL('./fixtures/feeds/town.json', import.meta.url), 'utf8')).length;

let browser;
let server;

before(async () => {
  browser = await launch();
  server = await serve({
    csp: POLICY,
    routes: {
      '/sw.js': async (req, res) => {
        res.writeHead(200, { 'content-type': 'text/javascript', 'content-security-policy': POLICY });
        res.end(await readFile(new URL('../../dist/sw.js', import.meta.url), 'utf8'));
      },
    },
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that collects every CSP violation, from the event and from the console. */
async function strictPage(options = {}) {
  const page = await newPage(browser, { viewport: { width: 1024, height: 900 }, locale: 'en-US', ...options });
  const seen = s.watch(page);
  await s.instrument(page);
  seen.violations = async () => [
    ...(await page.evaluate(() => window.__cspViolations || [])),
    ...seen.consoleAll.filter((l) => /Content Security Policy|Refused to/i.test(l)),
  ];
  return { page, seen };
}

test('the widget works under the strict policy with no violation', async () => {
  const { page, seen } = await strictPage();
  const response = await page.goto(s.pageUrl(server, 'plain', { feed: '/fixtures/feeds/town.json' }));
  assert.equal(response.headers()['content-security-policy'], POLICY, 'the page is really served with the policy');
  assert.equal(await s.waitForResults(page), TOWN);

  await s.useEveryFilter(page, async () => {});
  const context = page.context();
  await context.grantPermissions(['geolocation'], { origin: new URL(server.url).origin });
  await context.setGeolocation({ latitude: 40.0068, longitude: -75.2855 });
  await s.useMyLocation(page);
  await page.waitForTimeout(300);
  await s.openFirstDetail(page);
  await s.waitForText(page, /Please arrive a few minutes early/);
  assert.match(await s.downloadIcs(page), /BEGIN:VCALENDAR/);

  assert.deepEqual(await seen.violations(), [], 'no CSP violation');
  assert.deepEqual(seen.errors, []);

  // The detector itself works: an inline style attribute is refused and reported.
  await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
  await page.waitForTimeout(200);
  assert.ok((await seen.violations()).length > 0, 'a violation would have been seen');
  await context.close();
});

test('without \'wasm-unsafe-eval\' the element says the search could not start', async () => {
  const refusing = await serve({ csp: "default-src 'self'; script-src 'self'; style-src 'self'" });
  try {
    const page = await newPage(browser);
    await page.goto(s.pageUrl(refusing, 'plain', { feed: '/fixtures/feeds/town.json' }));
    await page.waitForFunction(() => /could not start/.test(document.querySelector('#w').textContent));
    assert.equal(await s.hostPageWorks(page), true, 'the host page still works');
    await page.close();
    // The same when the wasm's request fails on the network, with no uncaught error.
    const cut = await newPage(browser);
    await cut.route('**/*.wasm', (route) => route.abort());
    await cut.goto(s.pageUrl(server, 'plain', { feed: '/fixtures/feeds/town.json' }));
    await cut.waitForFunction(() => /could not start/.test(document.querySelector('#w').textContent));
    await cut.waitForTimeout(300);
    assert.deepEqual(pageErrors(cut).filter((e) => e.startsWith('uncaught')), []);
    await cut.close();
  } finally {
    await refusing.close();
  }
});

test('two widgets, an API mount and dark mode under the strict policy', async () => {
  const { page, seen } = await strictPage({ colorScheme: 'dark' });
  await page.goto(s.pageUrl(server, 'two', { feed: '/fixtures/feeds/town.json', feed2: '/fixtures/feeds/town-v2.json' }));
  assert.equal(await s.waitForResults(page, '#w'), TOWN);
  assert.equal(await s.waitForResults(page, '#w2'), 12);
  const n = await page.evaluate(async () => {
    const el = document.createElement('div');
    el.id = 'api';
    document.body.append(el);
    const handle = await MeetingSearch.mount(el, { src: '/fixtures/feeds/town.json', timezone: 'America/New_York' });
    await handle.setFilters({ day: [1] });
    await handle.open('ardmore-monday-night');
    return handle.results().length;
  });
  assert.equal(n, 3);
  await page.waitForTimeout(300);
  assert.deepEqual(await seen.violations(), [], 'no CSP violation');
  assert.deepEqual(seen.errors, []);
  await page.context().close();
});

test('the service worker registers and serves under the strict policy', async () => {
  const { page, seen } = await strictPage();
  await page.goto(s.pageUrl(server, 'sw', { feed: '/fixtures/feeds/town.json' }));
  assert.equal(await s.waitForResults(page), TOWN);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20000 });
  await page.reload();
  assert.equal(await s.waitForResults(page), TOWN);
  assert.deepEqual(await seen.violations(), [], 'no CSP violation');
  assert.deepEqual(seen.errors, []);
  await page.context().close();
});

test('feeds and the widget\'s files on another origin work with the README\'s connect-src and script-src additions', async () => {
  // Origin B: the widget's files and the feed, sent with CORS (a CDN, an intergroup's site).
  const other = await serve({ cors: true });
  const b = other.origin;
  const html = (feed, loader) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>cross-origin</title>
<link rel="stylesheet" href="/fixtures/hosts/plain.css"></head><body>
<div id="w" data-meeting-search data-src="${feed}" data-timezone="America/New_York"></div>
<script src="${loader}"></script></body></html>`;
  const withFeed = `${POLICY}; connect-src 'self' ${b}`;
  const withFiles = `default-src 'self'; script-src 'self' ${b} 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${b}`;
  const pages = {
    // The feed elsewhere, the widget's files here.
    '/feed-elsewhere.html': [withFeed, html(`${b}/fixtures/feeds/town.json`, '/meeting-search/meeting-search.js')],
    // Both elsewhere.
    '/files-elsewhere.html': [withFiles, html(`${b}/fixtures/feeds/town.json`, `${b}/meeting-search/meeting-search.js`)],
    // The feed elsewhere but the policy not told: refused, with a clear message and a reported violation.
    '/feed-not-allowed.html': [POLICY, html(`${b}/fixtures/feeds/town.json`, '/meeting-search/meeting-search.js')],
  };
  const routes = {};
  for (const [path, [policy, body]] of Object.entries(pages)) {
    routes[path] = (req, res) => {
      res.setHeader('Content-Security-Policy', policy); // replaces the server-wide header
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    };
  }
  const here = await serve({ routes });
  try {
    for (const path of ['/feed-elsewhere.html', '/files-elsewhere.html']) {
      const { page, seen } = await strictPage();
      await page.goto(new URL(path, here.url).href);
      assert.equal(await s.waitForResults(page), TOWN, path);
      await s.openFirstDetail(page);
      await s.waitForText(page, /Please arrive a few minutes early/);
      assert.deepEqual(await seen.violations(), [], `${path}: no CSP violation`);
      assert.deepEqual(seen.errors, [], path);
      await page.context().close();
    }
    const { page, seen } = await strictPage();
    await page.goto(new URL('/feed-not-allowed.html', here.url).href);
    await s.waitForSettled(page);
    assert.equal(await page.locator(`${s.HOST} [data-slug]`).count(), 0);
    assert.ok((await seen.violations()).some((v) => /connect-src/.test(v)), 'the policy without connect-src blocks the feed');
    assert.deepEqual(seen.errors, [], 'a blocked feed is no uncaught error');
    await page.context().close();
  } finally {
    await here.close();
    await other.close();
  }
});

test('the widget works on a page that enforces Trusted Types', async () => {
  // `require-trusted-types-for 'script'` makes every string given to innerHTML (and the like)
  // throw unless a policy made it: the widget builds its DOM with DOM calls and sets feed text
  // as text, so it needs no policy.
  const tt = `${POLICY}; require-trusted-types-for 'script'`;
  const here = await serve({ csp: tt });
  try {
    const { page, seen } = await strictPage();
    const response = await page.goto(s.pageUrl(here, 'plain', { feed: '/fixtures/feeds/town.json' }));
    assert.equal(response.headers()['content-security-policy'], tt, 'the page is really served with the policy');
    assert.equal(await s.waitForResults(page), TOWN);
    await s.useEveryFilter(page, async () => {});
    await s.openFirstDetail(page);
    await s.waitForText(page, /Please arrive a few minutes early/);
    assert.deepEqual(await seen.violations(), [], 'no CSP violation');
    assert.deepEqual(seen.errors, []);

    // The detector itself works: a string given to innerHTML is refused and reported.
    await page.evaluate(() => {
      try {
        document.body.innerHTML = '<p>x</p>';
      } catch {
        // Trusted Types throws; the violation is what this checks.
      }
    });
    await page.waitForTimeout(200);
    assert.ok((await seen.violations()).some((v) => /trusted/i.test(v)), 'a Trusted Types violation would have been seen');
    await page.context().close();
  } finally {
    await here.close();
  }
});
