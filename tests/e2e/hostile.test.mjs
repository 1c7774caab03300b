// Unbreakable: hostile feed text renders as text (no script runs, no element is injected, links
// only for http(s)/mailto/tel); every kind of broken feed gives a clear message in the widget,
// no uncaught error, and the rest of the page (another widget, the host's own controls) keeps
// working; the good records of a partly broken feed all show; hostile host pages (aggressive
// global CSS, huge fonts, patched built-ins) change nothing in how the widget looks or behaves.
//
//   node --test tests/e2e/hostile.test.mjs      (after `make dist`)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, writeFile, mkdir, stat, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, newPage } from './lib/browser.mjs';
import { serve } from './lib/server.mjs';
import { writeBigFeed } from './fixtures/big-feed.mjs';
import * as s from './fixtures/support.mjs';

const fixtures = new URL('./fixtures/', import.meta.url);
const hostile = JSON.parse(await readFile(new URL('feeds/hostile.json', fixtures), 'utf8'));
const TOWN = JSON.parse(await readFile(new URL('feeds/town.json', fixtures), 'utf8')).length;
// A fixed "now" so that two loads of the same feed render the same marks ("starting soon").
const NOW = new Date('2026-11-25T17:00:00Z');

let browser;
let server;
let scratch;
let bigFeed;
const held = new Set();

before(async () => {
  browser = await launch();
  scratch = await mkdtemp(join(tmpdir(), 'meeting-search-hostile-'));
  bigFeed = join(scratch, 'big.json');
  server = await serve({
    routes: {
      '/broken/500.json': (req, res) => { res.writeHead(500, { 'content-type': 'text/plain' }); res.end('Internal Server Error'); },
      '/broken/timeout.json': (req, res) => held.add(res),
      '/broken/reset.json': (req) => req.socket.destroy(),
      // town.json with a Latin-1 "é" (one byte 0xE9, not UTF-8) in the first name.
      '/broken/latin1.json': async (req, res) => {
        const town = await readFile(new URL('feeds/town.json', fixtures), 'utf8');
        const at = town.indexOf('Monday Morning Serenity');
        const bytes = Buffer.concat([Buffer.from(town.slice(0, at), 'utf8'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20]), Buffer.from(town.slice(at), 'utf8')]);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(bytes);
      },
      '/broken/big.json': async (req, res) => {
        const { size } = await stat(bigFeed);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': size });
        createReadStream(bigFeed).pipe(res);
      },
    },
  });
});

after(async () => {
  for (const res of held) res.destroy();
  await browser?.close();
  await server?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** A page that records errors, dialogs, and any request to a host other than the server. */
async function hostilePage(options = {}) {
  const page = await newPage(browser, { viewport: { width: 1024, height: 900 }, locale: 'en-US', ...options });
  const seen = s.watch(page);
  await s.instrument(page);
  seen.foreign = [];
  const local = new URL(server.url).host;
  await page.context().route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.host === local) return route.continue();
    seen.foreign.push(url.href);
    return route.abort();
  });
  return { page, seen };
}

test('hostile feed text renders as text: no script runs, no element is injected, only safe links', async () => {
  const { page, seen } = await hostilePage();
  await page.goto(s.pageUrl(server, 'plain', { feed: '/fixtures/feeds/hostile.json' }));
  assert.equal(await s.waitForResults(page), hostile.length, 'every hostile record is shown: nothing lost');

  // A name carrying a script shows its text (literally, or with the tags taken out), never runs it.
  const zero = await page.locator(`${s.HOST} [data-slug="hostile-0"]`).first().innerText();
  assert.ok(zero.includes(`Hostile 0`) && zero.includes(`alert('XSS');window.__xss=1`), `the name shows as text: ${zero}`);
  const slugs = await page.locator(`${s.HOST} [data-slug]`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-slug')));
  assert.ok(slugs.includes(hostile.at(-2).slug), 'a slug made of markup is kept as the attribute\'s text');
  assert.deepEqual(await s.audit(page), [], 'the list');

  // Every meeting's detail, through the API on a second widget and by clicking in the first.
  const problems = await page.evaluate(async (slugs) => {
    const el = document.createElement('div');
    el.id = 'api';
    document.body.append(el);
    const handle = await MeetingSearch.mount(el, { src: '/fixtures/feeds/hostile.json', timezone: 'America/New_York' });
    const found = [];
    for (const slug of slugs) {
      await handle.open(slug);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const root = el.shadowRoot;
      if (root.querySelector('[data-xss], script, iframe, object, embed')) found.push(`${slug}: injected element`);
      for (const a of root.querySelectorAll('[href], [src], [action], [formaction]')) {
        const raw = a.getAttribute('href') || a.getAttribute('src') || a.getAttribute('action') || a.getAttribute('formaction');
        let protocol;
        try { protocol = new URL(raw, document.baseURI).protocol; } catch (e) { protocol = 'malformed'; }
        const ok = ['http:', 'https:', 'mailto:', 'tel:'].includes(protocol) || raw.startsWith('#')
          || (protocol === 'blob:' && a.hasAttribute('download'));
        if (!ok) found.push(`${slug}: ${a.tagName} ${raw.slice(0, 80)}`);
      }
    }
    return found;
  }, hostile.map((m) => m.slug));
  assert.deepEqual(problems, [], 'every detail view');
  const icsRow = page.locator(`${s.HOST} [data-slug="hostile-ics"]`).first();
  const icsTarget = icsRow.locator('a, button').first();
  await ((await icsTarget.count()) ? icsTarget : icsRow).click();
  await page.waitForTimeout(300);
  assert.deepEqual(await s.audit(page), [], 'a detail opened by a click');
  const ics = await s.downloadIcs(page);
  assert.match(ics, /BEGIN:VCALENDAR/);
  assert.equal((ics.match(/^BEGIN:VEVENT/gm) || []).length, 1, `feed text cannot add events to the .ics file:\n${ics}`);
  assert.doesNotMatch(ics, /^(URL:javascript|ATTACH:|DESCRIPTION:injected|LOCATION:injected)/m, 'feed text cannot add properties to the .ics file');

  await page.waitForTimeout(500);
  assert.deepEqual(seen.dialogs, [], 'no dialog opened');
  assert.deepEqual(seen.foreign, [], 'no request to a payload\'s host');
  assert.deepEqual(seen.errors, []);
  await page.context().close();
});

// Each broken feed, beside a good widget on the same page.
const BROKEN = [
  { name: '404', feed: '/fixtures/broken/missing.json', expect: /could ?n[o’']t|can[’']?not|unable|error|fail|problem/i },
  { name: '500', feed: '/broken/500.json', expect: /could ?n[o’']t|can[’']?not|unable|error|fail|problem/i },
  { name: 'connection reset', feed: '/broken/reset.json', expect: /could ?n[o’']t|can[’']?not|unable|error|fail|problem/i },
  { name: 'timeout', feed: '/broken/timeout.json', expect: /could ?n[o’']t|can[’']?not|unable|error|fail|problem|time/i },
  { name: 'HTML error page', feed: '/fixtures/broken/error-page.html', expect: /could ?n[o’']t|can[’']?not|unable|error|fail|problem|invalid|not (a |valid)/i },
  { name: 'invalid JSON', feed: '/fixtures/broken/invalid.json', expect: /could ?n[o’']t|can[’']?not|unable|error|fail|problem|invalid|not (a |valid)/i },
  { name: 'object instead of an array', feed: '/fixtures/broken/object.json', expect: /could ?n[o’']t|can[’']?not|unable|error|fail|problem|invalid|not (a |valid)/i },
  { name: 'empty array', feed: '/fixtures/broken/empty.json', expect: /no meetings|0 meetings|empty/i, quiet: true },
  { name: 'every record broken', feed: '/fixtures/broken/all-broken.json', expect: /could ?n[o’']t|can[’']?not|unable|error|fail|problem|invalid|not (a |valid)/i },
];

for (const broken of BROKEN) {
  test(`broken feed (${broken.name}): a clear message, no uncaught error, the rest of the page works`, async () => {
    const { page, seen } = await hostilePage();
    await page.goto(s.pageUrl(server, 'two', { feed: broken.feed, feed2: '/fixtures/feeds/town.json' }));
    await s.waitForSettled(page, s.HOST, 90000);
    const text = await s.widgetText(page);
    assert.match(text, broken.expect, `the widget says what happened: ${text.slice(0, 300)}`);
    assert.doesNotMatch(text, /undefined|\bnull\b|NaN|\[object|RuntimeError|panicked|unreachable|at [\w.]+ \(/,
      `the message is for people, not a stack trace: ${text.slice(0, 300)}`);
    assert.equal(await s.waitForResults(page, '#w2'), TOWN, 'the other widget on the page loads its feed');
    assert.ok(await s.hostPageWorks(page), 'the host page\'s own controls still work');
    if (!broken.quiet) {
      const detail = seen.consoleErrors.filter((l) => !/Failed to load resource/.test(l));
      assert.ok(detail.length > 0, `the maintainer's detail is in the console: ${seen.consoleAll.join(' | ')}`);
    }
    assert.deepEqual(seen.errors, [], 'no uncaught error reached the page');
    assert.deepEqual(seen.dialogs, []);
    await page.context().close();
  });
}

test('broken feed messages are in the visitor\'s language', async () => {
  const texts = {};
  for (const lang of ['en', 'es', 'fr']) {
    const { page, seen } = await hostilePage({ locale: lang });
    await page.goto(s.pageUrl(server, 'plain', { feed: '/fixtures/broken/invalid.json', lang }));
    await page.waitForFunction((h) => {
      const el = document.querySelector(h);
      return el && el.shadowRoot && Array.from(el.shadowRoot.children).some((c) => (c.innerText || '').trim());
    }, s.HOST, { timeout: 30000 });
    await page.waitForTimeout(500);
    texts[lang] = await s.widgetText(page);
    assert.deepEqual(seen.errors, []);
    await page.context().close();
  }
  assert.notEqual(texts.es, texts.en, 'Spanish message differs from English');
  assert.notEqual(texts.fr, texts.en, 'French message differs from English');
});

test('a 50 MB feed: the widget copes (results or a clear message), the page stays responsive', async () => {
  const meetings = await writeBigFeed(bigFeed);
  const { page, seen } = await hostilePage();
  await page.addInitScript(() => {
    window.__longestTask = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longestTask = Math.max(window.__longestTask, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const start = Date.now();
  await page.goto(s.pageUrl(server, 'two', { feed: '/broken/big.json', feed2: '/fixtures/feeds/town.json' }));
  await s.waitForSettled(page, s.HOST, 180000);
  const seconds = `${((Date.now() - start) / 1000).toFixed(1)} s (longest task blocking the page: ${
    Math.round(await page.evaluate(() => window.__longestTask))} ms)`;
  const rows = await page.locator(`${s.HOST} [data-slug]`).count();
  if (rows > 0) {
    console.log(`50 MB feed: ${meetings} meetings, shown after ${seconds}`);
    assert.equal(await s.count(page), meetings, 'every meeting of the big feed is counted');
  } else {
    console.log(`50 MB feed: a message after ${seconds}: ${(await s.widgetText(page)).slice(0, 120)}`);
    assert.match(await s.widgetText(page), /could ?n[o’']t|can[’']?not|unable|error|too (large|big)|fail/i);
  }
  assert.ok(await s.hostPageWorks(page), 'the host page still answers');
  assert.equal(await s.waitForResults(page, '#w2'), TOWN);
  assert.deepEqual(seen.errors, []);
  await page.context().close();
});

test('a feed that is not valid UTF-8 reads as the browser decodes it: every record, U+FFFD for the bad byte', async () => {
  const { page, seen } = await hostilePage();
  await page.goto(s.pageUrl(server, 'plain', { feed: '/broken/latin1.json' }));
  assert.equal(await s.waitForResults(page), TOWN, 'every record of the feed');
  assert.match(await s.widgetText(page), /Caf\uFFFD Monday Morning Serenity/);
  assert.deepEqual(seen.errors, []);
  await page.context().close();
});

test('a partly broken feed shows every good record and says how many could not be read', async () => {
  const { page, seen } = await hostilePage();
  await page.goto(s.pageUrl(server, 'plain', { feed: '/fixtures/feeds/some-broken.json' }));
  assert.equal(await s.waitForResults(page), 6, 'the six good records');
  assert.match(await s.widgetText(page), /\b4\b/, 'the widget says 4 records could not be read');
  assert.deepEqual(seen.errors, []);
  await page.context().close();
});

/** Everything that decides how the widget looks: each shadow element's box and key styles. */
async function snapshot(page) {
  return page.locator(s.HOST).evaluate((host) => {
    const props = ['display', 'position', 'box-sizing', 'font-size', 'font-weight', 'font-style', 'font-variant-caps',
      'line-height', 'letter-spacing', 'word-spacing', 'text-transform', 'text-align', 'text-indent', 'white-space',
      'text-decoration-line', 'text-shadow', 'color', 'background-color', 'margin-top', 'margin-left',
      'padding-top', 'padding-left', 'border-top-width', 'visibility', 'opacity', 'flex-direction', 'cursor',
      'word-break', 'overflow-x'];
    const origin = host.getBoundingClientRect();
    const round = (n) => Math.round(n * 2) / 2;
    const rows = [{ el: 'host', w: round(origin.width), h: round(origin.height) }];
    if (!host.shadowRoot) return rows;
    for (const el of host.shadowRoot.querySelectorAll('*')) {
      if (['STYLE', 'OPTION', 'OPTGROUP'].includes(el.tagName)) continue;
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      const row = { el: el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''),
        w: round(r.width), h: round(r.height) };
      // Where a box is: only for boxes that are rendered (a hidden one sits at the viewport's origin).
      if (r.width || r.height) Object.assign(row, { x: round(r.left - origin.left), y: round(r.top - origin.top) });
      for (const p of props) row[p] = cs.getPropertyValue(p);
      rows.push(row);
    }
    return rows;
  });
}

function differences(a, b) {
  const out = [];
  if (a.length !== b.length) out.push(`element count ${a.length} vs ${b.length}`);
  for (let i = 0; i < Math.min(a.length, b.length) && out.length < 15; i++) {
    for (const key of Object.keys(a[i])) {
      if (a[i][key] !== b[i][key]) out.push(`#${i} ${a[i].el} ${key}: ${a[i][key]} vs ${b[i][key]}`);
    }
  }
  return out;
}

/** Pixels that differ between two PNG screenshots, compared in the browser (no image library). */
async function pixelDiff(page, a, b) {
  return page.evaluate(async ([a64, b64]) => {
    const load = (b64) => new Promise((resolve, reject) => {
      const img = new Image();
      img.onload = () => resolve(img);
      img.onerror = reject;
      img.src = `data:image/png;base64,${b64}`;
    });
    const [ia, ib] = await Promise.all([load(a64), load(b64)]);
    if (ia.width !== ib.width || ia.height !== ib.height) return { size: [ia.width, ia.height, ib.width, ib.height], diff: -1 };
    const pixels = (img) => {
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      return ctx.getImageData(0, 0, img.width, img.height).data;
    };
    const pa = pixels(ia);
    const pb = pixels(ib);
    let diff = 0;
    for (let i = 0; i < pa.length; i += 4) {
      if (pa[i] !== pb[i] || pa[i + 1] !== pb[i + 1] || pa[i + 2] !== pb[i + 2]) diff++;
    }
    return { size: [ia.width, ia.height], diff, total: pa.length / 4 };
  }, [a.toString('base64'), b.toString('base64')]);
}

/** Loads a fixture host page with the town feed at a fixed time; returns its snapshot and screenshot. */
async function look(name) {
  const { page, seen } = await hostilePage();
  await page.clock.setFixedTime(NOW);
  await page.goto(s.pageUrl(server, name, { feed: '/fixtures/feeds/town.json' }));
  const total = await s.waitForResults(page);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  const snap = await snapshot(page);
  // Screenshots at the same whole-pixel place on both pages (the host pages' own text above
  // the widget differs), so that only the widget's own rendering is compared.
  await page.locator(s.HOST).evaluate((host) => {
    for (const [k, v] of [['position', 'absolute'], ['top', '0'], ['left', '0'], ['z-index', '2147483647']]) {
      host.style.setProperty(k, v, 'important');
    }
  });
  return { page, seen, total, snap, shot: await page.locator(s.HOST).screenshot() };
}

async function compareWithPlain(name) {
  const plain = await look('plain');
  const other = await look(name);
  const diffs = differences(plain.snap, other.snap);
  const pixels = await pixelDiff(plain.page, plain.shot, other.shot);
  const folder = join(tmpdir(), 'meeting-search-hostile-screenshots');
  if (diffs.length || pixels.diff !== 0) {
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'plain.png'), plain.shot);
    await writeFile(join(folder, `${name}.png`), other.shot);
    console.log(`screenshots of the widget on plain and ${name} pages: ${folder}`);
  }
  return { plain, other, diffs, pixels };
}

test('aggressive global CSS on the host page changes nothing in the widget', async () => {
  const { plain, other, diffs, pixels } = await compareWithPlain('hostile-css');
  assert.equal(other.total, plain.total);
  assert.deepEqual(diffs, [], 'computed styles and boxes of every widget element');
  assert.equal(pixels.diff, 0, `screenshots differ: ${JSON.stringify(pixels)}`);
  assert.deepEqual(other.seen.errors, []);
  await plain.page.context().close();
  await other.page.context().close();
});

test('huge fonts on the host page change only the font family, not the widget\'s sizes', async () => {
  const { plain, other, diffs } = await compareWithPlain('hostile-font');
  assert.deepEqual(diffs, [], 'computed styles and boxes of every widget element');
  await plain.page.context().close();
  await other.page.context().close();
});

test('host scripts patching Array.prototype and fetch change nothing in how the widget looks or behaves', async () => {
  const { plain, other, diffs, pixels } = await compareWithPlain('hostile-js');
  assert.ok(await other.page.evaluate(() => typeof Array.prototype.each === 'function' && !/native/.test(String(fetch))),
    'the patches were in place');
  assert.deepEqual(diffs, [], 'computed styles and boxes of every widget element');
  assert.equal(pixels.diff, 0, `screenshots differ: ${JSON.stringify(pixels)}`);
  const counts = async (page) => {
    const out = [];
    await s.useEveryFilter(page, async (step) => out.push(`${step} → ${await s.settledCount(page)}`));
    return out;
  };
  assert.deepEqual(await counts(other.page), await counts(plain.page), 'every filter gives the same counts');
  assert.deepEqual(other.seen.errors, []);
  await plain.page.context().close();
  await other.page.context().close();
});
