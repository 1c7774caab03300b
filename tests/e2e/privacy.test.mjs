// Privacy: a full session (load, every filter, "use my location", a typed place, a detail, the
// calendar file) makes no request except to the local server that holds the widget and the feed;
// nothing the visitor typed or their position leaves the page or lands in the URL; nothing is
// stored but the feed copy; location is asked only on the visitor's click.
//
//   node --test tests/e2e/privacy.test.mjs      (after `make dist`)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage } from './lib/browser.mjs';
import { serve } from './lib/server.mjs';
import * as s from './fixtures/support.mjs';

// The mocked position: its digits must appear in no request, URL or storage.
const POSITION = { latitude: 40.0123, longitude: -75.2961 };
const POSITION_DIGITS = ['40.01', '75.29', '4001', '7529'];
const TYPED = ['Ardmore', 'women', 'zzzz-nothing'];

let browser;
let server;

before(async () => {
  browser = await launch();
  server = await serve({});
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('a full session talks to no other host, leaks nothing typed, stores only the feed copy', async () => {
  const page = await newPage(browser, { viewport: { width: 1024, height: 900 }, locale: 'en-US' });
  const context = page.context();
  const seen = s.watch(page);
  await s.instrument(page);
  const local = new URL(server.url).host;
  const requests = [];
  const foreign = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('websocket', (ws) => foreign.push(`websocket ${ws.url()}`));
  // Every request of the session passes here; any other host is recorded and never reached.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.host === local) return route.continue();
    foreign.push(url.href);
    return route.abort();
  });

  await page.goto(s.pageUrl(server, 'plain', { feed: '/fixtures/feeds/town.json' }));
  const total = await s.waitForResults(page);
  assert.equal(await page.evaluate(() => window.__geoCalls), 0, 'location is not asked before the visitor clicks');

  await s.useEveryFilter(page, async (step) => {
    assert.ok((await s.settledCount(page)) <= total, step);
  });

  await context.grantPermissions(['geolocation'], { origin: new URL(server.url).origin });
  await context.setGeolocation(POSITION);
  await s.useMyLocation(page);
  await page.waitForTimeout(500);
  assert.ok(await page.evaluate(() => window.__geoCalls) >= 1, 'the click asked for the position');
  assert.ok((await s.settledCount(page)) > 0, 'results near the position');

  // A typed place, resolved from the feed, through the integrator API too.
  const near = await page.evaluate(async () => {
    const el = document.createElement('div');
    el.id = 'api';
    document.body.append(el);
    const handle = await MeetingSearch.mount(el, { src: '/fixtures/feeds/town.json', timezone: 'America/New_York' });
    await handle.setFilters({ place: 'Ardmore', within: 3, units: 'mi' });
    return handle.results().map((r) => r.slug);
  });
  assert.ok(near.includes('ardmore-monday-morning'), `a typed place is found in the feed: ${near}`);

  await s.openFirstDetail(page);
  await s.waitForText(page, /Please arrive a few minutes early/);
  const ics = await s.downloadIcs(page);
  assert.match(ics, /BEGIN:VCALENDAR/);
  await page.waitForTimeout(1000); // anything sent late (beacons, timers)

  assert.deepEqual(foreign, [], 'no request to any host but the local server');
  for (const url of requests) {
    const { pathname, search, hash } = new URL(url);
    for (const secret of [...TYPED, ...POSITION_DIGITS]) {
      assert.ok(!(pathname + search + hash).includes(secret), `a request carries what the visitor typed or their position: ${url}`);
    }
  }
  const { pathname, search, hash } = new URL(page.url());
  for (const digits of POSITION_DIGITS) {
    assert.ok(!(pathname + search + hash).includes(digits), `the position is in the page URL: ${page.url()}`);
  }

  // Nothing stored but the feed copy (and, if the widget keeps them, a chosen language or units).
  assert.deepEqual(await context.cookies(), [], 'no cookies');
  const stored = await page.evaluate(async () => ({
    cookie: document.cookie,
    local: Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]),
    session: Object.keys(sessionStorage).map((k) => [k, sessionStorage.getItem(k)]),
    databases: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
    caches: await caches.keys(),
    hints: [document, ...Array.from(document.querySelectorAll('*')).filter((e) => e.shadowRoot).map((e) => e.shadowRoot)]
      .flatMap((root) => Array.from(root.querySelectorAll('link[rel~="preconnect"], link[rel~="dns-prefetch"], link[rel~="prefetch"], link[rel~="preload"], link[rel~="prerender"]')))
      .map((l) => l.href),
  }));
  assert.equal(stored.cookie, '');
  for (const [key, value] of [...stored.local, ...stored.session]) {
    assert.match(key, /lang|unit/i, `only the chosen language or units may be stored: ${key}=${value}`);
    for (const secret of [...TYPED, ...POSITION_DIGITS]) assert.ok(!String(value).includes(secret), `${key} holds ${secret}`);
  }
  assert.deepEqual(stored.databases.filter((d) => d !== 'meeting-search'), [], 'no other database');
  assert.deepEqual(stored.caches, [], 'no cache storage without the service worker');
  assert.deepEqual(stored.hints.filter((h) => new URL(h).host !== local), [], 'no preconnect or prefetch to other hosts');
  const copies = await s.feedCopies(page);
  assert.deepEqual([...new Set(copies.map((c) => c.key))], [new URL('/fixtures/feeds/town.json', server.url).href],
    'the one database holds only the copy of the feed');

  // The directions link exists but nothing was fetched from a maps site: it opens only on a click.
  assert.deepEqual(seen.errors, []);
  await context.close();
});
