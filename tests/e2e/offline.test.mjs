// Offline: after the widget has loaded its feed, everything works with the network gone; a later
// visit that cannot fetch the feed shows the saved copy with its date; a fresh feed replaces the
// copy (one per feed URL); and with the optional service worker the page itself opens offline.
//
//   node --test tests/e2e/offline.test.mjs      (after `make dist`)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, newPage } from './lib/browser.mjs';
import { serve } from './lib/server.mjs';
import { dist as distFolder, www, feedPath } from './lib/paths.mjs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runNative } from './lib/native.mjs';
import * as s from './fixtures/support.mjs';

const fixtures = new URL('./fixtures/', import.meta.url);
const dist = new URL('../../dist/', import.meta.url);
const feedStoreSource = await readFile(new URL('../../www/feed-store.js', import.meta.url), 'utf8');
const town = await readFile(new URL('feeds/town.json', fixtures), 'utf8');
const townV2 = await readFile(new URL('feeds/town-v2.json', fixtures), 'utf8');
const errorPage = await readFile(new URL('broken/error-page.html', fixtures), 'utf8');
const invalid = await readFile(new URL('broken/invalid.json', fixtures), 'utf8');
const TOWN = JSON.parse(town).length; // 14
const TOWN_V2 = JSON.parse(townV2).length; // 12

// What /feed/switch.json answers: the test flips it between visits.
let feedMode = 'ok';
const held = new Set(); // responses the "timeout" mode never answers
const feedModes = {
  ok: (req, res) => send(res, 200, 'application/json', town),
  fresh: (req, res) => send(res, 200, 'application/json', townV2),
  down: (req) => req.socket.destroy(),
  500: (req, res) => send(res, 500, 'text/plain', 'Internal Server Error'),
  html: (req, res) => send(res, 200, 'text/html', errorPage),
  invalid: (req, res) => send(res, 200, 'application/json', invalid),
  timeout: (req, res) => held.add(res),
};

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

let browser;
let server;

before(async () => {
  browser = await launch();
  server = await serve({
    routes: {
      '/feed/switch.json': (req, res) => feedModes[feedMode](req, res),
      // The site owner's copy of sw.js at the site's root, as the README tells them.
      '/sw.js': async (req, res) => send(res, 200, 'text/javascript', await readFile(new URL('sw.js', dist), 'utf8')),
    },
  });
});

after(async () => {
  for (const res of held) res.destroy();
  await browser?.close();
  await server?.close();
});

test('after load, every filter, location, detail and calendar file work with the network gone', async () => {
  const page = await newPage(browser, { viewport: { width: 1024, height: 900 }, locale: 'en-US' });
  const seen = s.watch(page);
  await s.instrument(page);
  await page.goto(s.pageUrl(server, 'plain', { feed: '/fixtures/feeds/town.json' }));
  assert.equal(await s.waitForResults(page), TOWN, 'all meetings of the feed are shown');

  const context = page.context();
  await context.grantPermissions(['geolocation'], { origin: new URL(server.url).origin });
  await context.setGeolocation({ latitude: 40.0068, longitude: -75.2855 });
  const offlineRequests = [];
  page.on('request', (r) => { if (!/^(blob|data):/.test(r.url())) offlineRequests.push(r.url()); });
  await context.setOffline(true);
  const cut = Date.now();

  const steps = await s.useEveryFilter(page, async (step) => {
    const n = await s.settledCount(page);
    assert.ok(n >= 0 && n <= TOWN, `${step}: count ${n} out of range`);
    assert.deepEqual(seen.errors, [], `${step}: page errors`);
  });
  assert.ok(steps.length >= 10, `the widget offers filters to use (used ${steps.length}: ${steps.join('; ')})`);

  await s.useMyLocation(page);
  await page.waitForTimeout(300);
  assert.ok((await s.settledCount(page)) > 0, 'results with the visitor\'s position while offline');

  await s.openFirstDetail(page);
  await s.waitForText(page, /Please arrive a few minutes early/);
  const ics = await s.downloadIcs(page);
  assert.match(ics, /BEGIN:VCALENDAR/);
  assert.match(ics, /RRULE:FREQ=WEEKLY/);
  assert.match(ics, /TZID[=:]America\/New_York/);

  assert.deepEqual(offlineRequests, [], 'no request was even attempted after the network was cut');
  assert.deepEqual(s.requestsSince(server, cut), [], 'the server saw nothing after the cut');

  // A second widget mounted while offline tries the network, then reads the saved copy; the
  // API filters work on it.
  const api = await page.evaluate(async () => {
    const el = document.createElement('div');
    el.id = 'api-offline';
    document.body.append(el);
    const handle = await MeetingSearch.mount(el, { src: '/fixtures/feeds/town.json', timezone: 'America/New_York' });
    const out = {};
    await handle.setFilters({ day: [1] });
    out.monday = handle.results().map((r) => r.slug).sort();
    await handle.setFilters({ type: ['W'] });
    out.women = handle.results().map((r) => r.slug);
    await handle.setFilters({ text: 'Norristown' });
    out.norristown = handle.results().map((r) => r.slug).sort();
    await handle.setFilters({});
    out.all = handle.results().length;
    return out;
  });
  assert.deepEqual(api.monday, ['ardmore-monday-morning', 'ardmore-monday-night', 'online-daily-mon']);
  assert.deepEqual(api.women, ['bryn-mawr-women']);
  assert.deepEqual(api.norristown, ['norristown-friday', 'norristown-sunday']);
  assert.equal(api.all, TOWN);
  assert.match(await s.widgetText(page, '#api-offline'), /saved/i, 'the offline mount says it shows a saved copy');
  assert.deepEqual(s.requestsSince(server, cut), [], 'the server saw nothing after the cut');
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.dialogs, []);
  await context.close();
});

test('a later visit that cannot fetch the feed shows the saved copy with its date; a fresh feed replaces it', async () => {
  const page = await newPage(browser, { locale: 'en-US' });
  const seen = s.watch(page);
  const url = s.pageUrl(server, 'plain', { feed: '/feed/switch.json' });
  const feedKey = new URL('/feed/switch.json', server.url).href;

  feedMode = 'ok';
  await page.goto(url);
  assert.equal(await s.waitForResults(page), TOWN);
  assert.doesNotMatch(await s.widgetText(page), /saved on/i, 'a fresh feed shows no saved-copy notice');
  let copies = await s.savedCopies(page, feedKey, town.length); // written once the results are shown
  assert.deepEqual(copies.map((c) => [c.key, c.length]), [[feedKey, town.length]], 'one copy, of the feed as fetched');
  const year = String(new Date(copies[0].savedAt).getFullYear());

  for (const mode of ['down', '500', 'html', 'invalid', 'timeout']) {
    feedMode = mode;
    await page.goto(url);
    assert.equal(await s.waitForResults(page, s.HOST, 90000), TOWN, `${mode}: the saved copy is shown`);
    const text = await s.widgetText(page);
    assert.match(text, /saved/i, `${mode}: a notice says this is the saved copy`);
    assert.ok(text.includes(year), `${mode}: the notice gives the copy's date (${year}): ${text.slice(0, 300)}`);
    assert.ok(await s.hostPageWorks(page), `${mode}: the host page still works`);
  }

  feedMode = 'fresh';
  await page.goto(url);
  assert.equal(await s.waitForResults(page), TOWN_V2, 'the fresh feed is shown, not the stale copy');
  assert.doesNotMatch(await s.widgetText(page), /saved on/i);
  copies = await s.savedCopies(page, feedKey, townV2.length);
  assert.deepEqual(copies.map((c) => [c.key, c.length]), [[feedKey, townV2.length]], 'the copy was replaced, never duplicated');

  feedMode = 'down';
  await page.goto(url);
  assert.equal(await s.waitForResults(page), TOWN_V2, 'the replaced copy is the one shown next time');
  assert.match(await s.widgetText(page), /saved/i);

  assert.deepEqual(seen.errors, []);
  feedMode = 'ok';
  await page.context().close();
});

test('with the service worker, the page itself opens offline and still searches', async () => {
  const page = await newPage(browser, { locale: 'en-US' });
  const seen = s.watch(page);
  const url = s.pageUrl(server, 'sw', { feed: '/fixtures/feeds/town.json' });
  await page.goto(url);
  assert.equal(await s.waitForResults(page), TOWN);
  // Wait until the worker controls the page and has kept the page and the widget's files.
  const needed = ['/fixtures/hosts/sw.html', '/meeting-search/meeting-search.js', '/meeting-search/meeting_search_bg.wasm'];
  let kept = [];
  for (let tries = 0; tries < 80; tries++) {
    kept = await page.evaluate(async () => (navigator.serviceWorker.controller
      ? (await (await caches.open('meeting-search-v1')).keys()).map((r) => r.url) : []));
    if (needed.every((path) => kept.some((u) => new URL(u).pathname === path))) break;
    await page.waitForTimeout(250);
  }
  assert.ok(needed.every((path) => kept.some((u) => new URL(u).pathname === path)), `the worker kept ${kept}`);
  assert.ok(!kept.some((u) => u.includes('/fixtures/feeds/')), `the worker never keeps feeds (the widget does): ${kept}`);

  // A page of the same site without the line is served but never kept.
  await page.goto(s.pageUrl(server, 'plain', { feed: '/fixtures/feeds/town.json' }));
  await s.waitForResults(page);
  await page.waitForTimeout(500);
  const after = await page.evaluate(async () => (await (await caches.open('meeting-search-v1')).keys()).map((r) => r.url));
  assert.ok(!after.some((u) => u.includes('/fixtures/hosts/plain.html')), `a page without the line was kept: ${after}`);
  await page.goto(url);
  await s.waitForResults(page);

  await page.context().setOffline(true);
  const cut = Date.now();
  await page.reload();
  assert.equal(await s.waitForResults(page), TOWN, 'the page and the widget open offline');
  assert.match(await s.widgetText(page), /saved/i, 'from the saved copy of the feed, with its notice');
  await s.wordSearch(page, 'Meditation');
  assert.equal(await s.waitForCount(page, 1), 1, 'a word search still answers offline');
  // The browser's own update check of the worker script escapes the emulated offline mode
  // (it would simply fail on a real dead network); nothing else may reach the server.
  assert.deepEqual(s.requestsSince(server, cut).filter((u) => u !== '/sw.js'), [], 'nothing reached the server while offline');
  assert.deepEqual(seen.errors, []);
  await page.context().close();
});

test('without usable IndexedDB (blocked, or full) the widget still loads and keeps the copy in memory', async () => {
  for (const [name, breakStorage] of [
    ['blocked', () => Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('blocked', 'SecurityError'); } })],
    ['full', () => { IDBObjectStore.prototype.put = function () { throw new DOMException('full', 'QuotaExceededError'); }; }],
  ]) {
    const page = await newPage(browser, { locale: 'en-US' });
    const seen = s.watch(page);
    await page.addInitScript(breakStorage);
    await page.goto(s.pageUrl(server, 'plain', { feed: '/fixtures/feeds/town.json' }));
    assert.equal(await s.waitForResults(page), TOWN, `${name}: the fresh feed is shown`);
    await page.context().setOffline(true);
    const slugs = await page.evaluate(async () => {
      const el = document.createElement('div');
      el.id = 'api-offline';
      document.body.append(el);
      const handle = await MeetingSearch.mount(el, { src: '/fixtures/feeds/town.json', timezone: 'America/New_York' });
      return handle.results().length;
    });
    assert.equal(slugs, TOWN, `${name}: a widget mounted offline on the same page uses the copy kept in memory`);
    assert.deepEqual(seen.errors, [], `${name}: no uncaught error`);
    await page.context().close();
  }
});

test('the feed store keeps one copy per absolute feed URL and never throws, even when IndexedDB hangs', async () => {
  const page = await newPage(browser, {});
  const seen = s.watch(page);
  await page.goto(s.pageUrl(server, 'api'));
  // The store's own source, evaluated the way the loader's IIFE holds it, exposed to this test only.
  const expose = `(function () {\n${feedStoreSource}\nwindow.__feedStore = feedStore;\n})();`;
  await page.evaluate(expose);
  const result = await page.evaluate(async () => {
    const fs = window.__feedStore;
    const out = { none: await fs.get('/feeds/x.json') };
    await fs.put('/feeds/x.json', 'one');
    await fs.put(new URL('/feeds/x.json#again', location.href).href, 'two');
    await fs.put('/feeds/y.json', 'why');
    await fs.put('/feeds/x.json', { not: 'text' });
    const copy = await fs.get('../../feeds/x.json');
    out.text = copy && copy.text;
    out.savedAt = copy && typeof copy.savedAt;
    return out;
  });
  assert.deepEqual(result, { none: null, text: 'two', savedAt: 'number' });
  const copies = await s.feedCopies(page);
  assert.deepEqual(copies.map((c) => c.key).sort(), [new URL('/feeds/x.json', server.url).href, new URL('/feeds/y.json', server.url).href]);
  await page.context().close();

  // An IndexedDB that never answers (seen in some private modes): answers within seconds, from memory.
  const hung = await newPage(browser, {});
  await hung.addInitScript(() => { IDBFactory.prototype.open = function () { return {}; }; });
  await hung.goto(s.pageUrl(server, 'api'));
  await hung.evaluate(expose);
  const timing = await hung.evaluate(async () => {
    const start = performance.now();
    const none = await window.__feedStore.get('/feeds/x.json');
    await window.__feedStore.put('/feeds/x.json', 'kept');
    const copy = await window.__feedStore.get('/feeds/x.json');
    return { none, text: copy.text, ms: performance.now() - start };
  });
  assert.equal(timing.none, null);
  assert.equal(timing.text, 'kept');
  assert.ok(timing.ms < 6000, `gave up on the hung database in ${Math.round(timing.ms)} ms`);
  assert.deepEqual(seen.errors, []);
  await hung.context().close();
});

test('the demo page with the one-line service worker opens offline after one visit and still searches', async () => {
  // The demo as a site owner would host it (www/demo + dist/ in one folder), with the documented
  // line added when the demo page does not have it yet.
  const page0 = await readFile(join(www, 'demo', 'index.html'), 'utf8');
  const html = page0.includes('sw.js') ? page0 : page0.replace('</body>', '<script src="sw.js"></script>\n</body>');
  const generated = feedPath(2000);
  const feed = existsSync(generated) ? await readFile(generated, 'utf8') : town;
  const demo = await serve({
    root: { '/': distFolder },
    routes: {
      '/': (req, res) => send(res, 200, 'text/html; charset=utf-8', html),
      '/index.html': (req, res) => send(res, 200, 'text/html; charset=utf-8', html),
      '/demo.css': async (req, res) => send(res, 200, 'text/css', existsSync(join(www, 'demo', 'demo.css'))
        ? await readFile(join(www, 'demo', 'demo.css'), 'utf8') : ''),
      '/demo-feed.json': (req, res) => send(res, 200, 'application/json', feed),
    },
  });
  const host = '[data-meeting-search-host]'; // the element the one-tag embed creates
  const page = await newPage(browser, { locale: 'en-US' });
  const seen = s.watch(page);
  try {
    await page.goto(demo.url);
    const total = await s.waitForResults(page, host);
    // A result is one weekly occurrence of an active meeting: the generated feed has multi-day
    // and inactive meetings, so its expected count comes from the native core, not the record count.
    const expected = existsSync(generated)
      ? Number(runNative(['query', generated, '--count']).stdout.trim())
      : JSON.parse(feed).length;
    assert.equal(total, expected, 'the demo shows every active weekly occurrence');
    const needed = ['/', '/meeting-search.js', '/meeting_search_bg.wasm'];
    let kept = [];
    for (let tries = 0; tries < 80; tries++) {
      kept = await page.evaluate(async () => (navigator.serviceWorker.controller
        ? (await (await caches.open('meeting-search-v1')).keys()).map((r) => new URL(r.url).pathname) : []));
      if (needed.every((path) => kept.includes(path))) break;
      await page.waitForTimeout(250);
    }
    assert.ok(needed.every((path) => kept.includes(path)), `the worker kept ${kept}`);
    assert.ok(!kept.includes('/demo-feed.json'), 'the worker does not keep the feed (the widget does)');

    await page.context().setOffline(true);
    await page.reload();
    assert.equal(await s.waitForResults(page, host), total, 'the demo opens offline with every meeting');
    assert.match(await s.widgetText(page, host), /saved/i, 'with the saved-copy notice');
    await s.wordSearch(page, 'zzzz-no-such-meeting', host);
    assert.equal(await s.waitForCount(page, 0, host), 0, 'a word search answers offline');
    await s.wordSearch(page, '', host);
    assert.equal(await s.waitForCount(page, total, host), total);
    assert.deepEqual(seen.errors, []);
  } finally {
    await page.context().close();
    await demo.close();
  }
});
