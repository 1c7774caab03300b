// The widget in a real browser: the embeds, every filter against the native
// `meeting-search query`, location, typed place, detail and its links, URL state,
// 320 px, three languages, and screenshots of the demo (printed at the end).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { launch, newPage, pageErrors } from './lib/browser.mjs';
import { serve } from './lib/server.mjs';
import { dist, feedPath, screenshots, sharedFeeds } from './lib/paths.mjs';
import { runNative } from './lib/native.mjs';

const TZ = 'America/New_York';
// A fixed "now" (Tuesday 18:30 in New York) so the order and the marks are reproducible.
const NOW = new Date('2026-11-24T23:30:00Z');
const NOW_ARG = '2,18:30';

// The feed: the generated 2,000 meetings when built, else the real aasepia.json.
const feedFile = [feedPath(2000), sharedFeeds && join(sharedFeeds, 'meeting-guide', 'aasepia.json')].find(
  (f) => f && existsSync(f),
);
const feedUrl = feedFile && `/feeds/${basename(feedFile)}`;
const ready = existsSync(join(dist, 'meeting-search.js')) && feedFile;

let browser;
let server;
let pages;

function page(name, body, lang = 'en') {
  writeFileSync(
    join(pages, name),
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${name}</title></head><body><main><h1>Widget test</h1>${body}</main></body></html>`,
  );
  return server.url + name;
}

const tag = (attrs = '') =>
  `<script src="/meeting-search/meeting-search.js" data-src="${feedUrl}" data-timezone="${TZ}" ${attrs}></script>`;

async function open(url, options = {}) {
  const p = await newPage(browser, { timezoneId: TZ, ...options });
  await p.clock.setFixedTime(NOW);
  await p.goto(url);
  await p.evaluate(() => window.MeetingSearch.ready);
  return p;
}

/** The handle of the widget mounted on `selector`'s element. */
const results = (p, selector = '[data-meeting-search-host]') =>
  p.evaluate(async (s) => (await window.MeetingSearch.mount(document.querySelector(s))).results(), selector);

/** What `meeting-search query` prints, as the objects `results()` returns; null when the
 * native command cannot query yet. */
function native(args) {
  let r;
  try {
    r = runNative(['query', feedFile, '--timezone', TZ, '--now', NOW_ARG, ...args]);
  } catch {
    return null;
  }
  if (r.code !== 0) return null;
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [slug, day, time, distance] = line.split('\t');
      return {
        slug,
        day: day === '-' ? null : Number(day),
        time: time === '-' ? null : time,
        distance: distance === undefined || distance === '-' ? null : Number(distance),
      };
    });
}

function sameAsNative(got, args, t) {
  const want = native(args);
  if (!want) {
    t.diagnostic(`native query unavailable; checked ${got.length} results for shape only`);
    for (const r of got) assert.deepEqual(Object.keys(r), ['slug', 'day', 'time', 'distance']);
    return;
  }
  assert.deepEqual(got, want, `results differ from meeting-search query ${args.join(' ')}`);
}

/** Rows on screen agree with results(), and the count with the status: once every row of
 * the page is there (the rows below the first screen come once it is painted, with
 * aria-busy on the list until then). */
async function consistent(p, root = '[data-meeting-search-host]') {
  await p.waitForFunction((s) => !document.querySelector(s).shadowRoot.querySelector('[aria-busy]'), root, { timeout: 3000 });
  const got = await results(p, root);
  const screen = await p.evaluate((s) => {
    const r = document.querySelector(s).shadowRoot;
    return {
      rows: [...r.querySelectorAll('.row')].map((e) => [e.dataset.slug, e.dataset.day]),
      status: r.querySelector('[role=status]').textContent,
    };
  }, root);
  assert.ok(screen.rows.length === Math.min(50, got.length), `${screen.rows.length} rows for ${got.length} results`);
  screen.rows.forEach(([slug, day], i) => {
    assert.equal(slug, got[i].slug);
    assert.equal(day, got[i].day === null ? '' : String(got[i].day));
  });
  assert.match(screen.status.replace(/[\s\u202f,.]/g, ''), new RegExp(`^${got.length}`));
  return got;
}

const shadow = (p, css, host = '[data-meeting-search-host]') => p.locator(`${host} >> ${css}`);

/** The URL hash once it is `want` or 3 s have passed: the widget writes it when the
 * filters have settled, not at once. */
async function settledHash(p, want) {
  await p.waitForFunction((w) => location.hash === w, want, { timeout: 3000 }).catch(() => {});
  return p.evaluate(() => location.hash);
}

before(async () => {
  if (!ready) return;
  browser = await launch();
  pages = mkdtempSync(join(tmpdir(), 'widget-'));
  server = await serve({ root: { '/': pages, '/meeting-search/': dist, '/feeds/': dirname(feedFile) } });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (pages) rmSync(pages, { recursive: true, force: true });
});

test('one-tag embed: the widget appears where the tag stands, with no other global', { skip: !ready && 'dist/ or a feed is missing' }, async () => {
  const url = page('one.html', `<p id="before">before</p><script>window.keysBefore = Object.keys(window);</script>${tag()}<p id="after">after</p>`);
  const p = await open(url);
  const order = await p.evaluate(() => {
    const host = document.querySelector('[data-meeting-search-host]');
    return [host.previousElementSibling.tagName, host.nextElementSibling.id, !!host.shadowRoot];
  });
  assert.deepEqual(order, ['SCRIPT', 'after', true]);
  const added = await p.evaluate(() => Object.keys(window).filter((k) => !window.keysBefore.includes(k) && k !== 'keysBefore'));
  assert.deepEqual(added, ['MeetingSearch']);
  const got = await consistent(p);
  assert.ok(got.length > 100);
  assert.deepEqual(pageErrors(p), []);
  await p.close();
});

test('rows: the first screen with the results event, the rest once idle; a new search reuses them; Show more appends', { skip: !ready && 'dist/ or a feed is missing' }, async () => {
  const p = await open(page('rows.html', tag()));
  const seen = await p.evaluate(async () => {
    const host = document.querySelector('[data-meeting-search-host]');
    const root = host.shadowRoot;
    const handle = await window.MeetingSearch.mount(host);
    const rows = () => [...root.querySelectorAll('.row')];
    const slugs = () => rows().map((r) => r.dataset.slug).join(' ');
    const want = (n) => handle.results().slice(0, n).map((r) => r.slug).join(' ');
    const out = {};
    // A search with fewer results empties the list; the next one builds it anew.
    handle.setFilters({ text: 'zzzz-nothing' });
    out.none = rows().length;
    const atEvent = new Promise((ok) => host.addEventListener('meeting-search:results', () => ok({
      rows: slugs(), busy: root.querySelector('.list').getAttribute('aria-busy') }), { once: true }));
    handle.setFilters({});
    out.atEvent = await atEvent;
    out.first = want(20);
    await new Promise((ok) => requestIdleCallback(ok, { timeout: 1000 }));
    await new Promise((ok) => setTimeout(ok, 50));
    out.idle = { rows: slugs(), busy: root.querySelector('.list').getAttribute('aria-busy'), want: want(50) };
    // A new search sets the texts of the rows shown: the same elements, the new results.
    const before = rows();
    handle.setFilters({ day: [1] });
    out.reused = rows().every((r, i) => r === before[i]);
    out.day = { rows: slugs(), want: want(50) };
    root.querySelector('[data-act=more]').click();
    out.more = { rows: slugs(), want: want(100), focused: root.activeElement === rows()[50].querySelector('button') };
    return out;
  });
  assert.equal(seen.none, 0);
  assert.equal(seen.atEvent.rows, seen.first, 'the first screen (20 rows) is there when the results event fires');
  assert.equal(seen.atEvent.busy, 'true', 'the list says it is busy until the other rows are there');
  assert.deepEqual(seen.idle, { rows: seen.idle.want, busy: null, want: seen.idle.want }, 'then all 50');
  assert.ok(seen.reused, 'a new search reuses the row elements');
  assert.equal(seen.day.rows, seen.day.want);
  assert.equal(seen.more.rows, seen.more.want, 'Show more appends the next 50');
  assert.ok(seen.more.focused, 'focus goes to the first new row');
  assert.deepEqual(pageErrors(p), []);
  await p.close();
});

test('several feeds in data-src are merged into one list', { skip: !ready && 'dist/ or a feed is missing' }, async () => {
  const one = await open(page('single.html', tag()));
  const single = await results(one);
  await one.close();
  const both = await open(page('merged.html', tag().replace(`data-src="${feedUrl}"`, `data-src="${feedUrl}, ${feedUrl}?copy"`)));
  assert.deepEqual(await results(both), single, 'a meeting listed by both feeds is shown once');
  await both.close();
});

test('a tag in <head> puts the widget at the top of <body>', { skip: !ready && 'dist/ or a feed is missing' }, async () => {
  const name = 'head.html';
  writeFileSync(
    join(pages, name),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>head</title>${tag()}</head><body><p id="first">page</p></body></html>`,
  );
  const p = await open(server.url + name);
  assert.equal(await p.evaluate(() => document.body.firstElementChild.hasAttribute('data-meeting-search-host')), true);
  await consistent(p);
  assert.deepEqual(pageErrors(p), []);
  await p.close();
});

test('div embeds before, after and added later, each with its own options', { skip: !ready && 'dist/ or a feed is missing' }, async (t) => {
  const url = page(
    'divs.html',
    `<div id="a" data-meeting-search data-src="${feedUrl}" data-timezone="${TZ}" data-day="1"></div>
<script src="/meeting-search/meeting-search.js"></script>
<div id="b" data-meeting-search data-src="${feedUrl}" data-timezone="${TZ}" data-attendance="online"></div>`,
  );
  const p = await open(url);
  assert.equal(await p.locator('[data-meeting-search-host]').count(), 0, 'a tag without data-src mounts nothing itself');
  const a = await consistent(p, '#a');
  assert.ok(a.every((r) => r.day === 1));
  sameAsNative(a, ['--day', '1'], t);
  const b = await consistent(p, '#b');
  sameAsNative(b, ['--attendance', 'online'], t);
  await p.evaluate((src) => {
    const c = document.createElement('div');
    c.id = 'c';
    c.dataset.meetingSearch = '';
    c.dataset.src = src;
    c.dataset.type = 'W';
    document.body.append(c);
    return new Promise((ok) => c.addEventListener('meeting-search:results', ok, { once: true }));
  }, feedUrl);
  const c = await consistent(p, '#c');
  sameAsNative(c, ['--type', 'W'], t);
  // back to a URL without the widget's state restores the embed's own initial filters
  await shadow(p, 'details.fbox', '#a').evaluate((d) => (d.open = true));
  await shadow(p, 'select[name=time]', '#a').selectOption('night');
  assert.equal(await settledHash(p, '#a.day=1&a.time=night'), '#a.day=1&a.time=night');
  await p.goBack();
  await p.waitForFunction(() => location.hash === '');
  assert.equal(await shadow(p, 'select[name=time]', '#a').inputValue(), '');
  assert.equal(await shadow(p, 'select[name=day]', '#a').inputValue(), '1');
  assert.deepEqual(await consistent(p, '#a'), a);
  assert.deepEqual(pageErrors(p), []);
  await p.close();
});

test('two widgets keep separate state in the URL, across reload and back', { skip: !ready && 'dist/ or a feed is missing' }, async (t) => {
  const url = page(
    'two.html',
    `<div id="one" data-meeting-search data-src="${feedUrl}" data-timezone="${TZ}"></div>
<div id="two" data-meeting-search data-src="${feedUrl}" data-timezone="${TZ}"></div>
<script src="/meeting-search/meeting-search.js"></script>`,
  );
  const p = await open(url);
  await shadow(p, 'select[name=day]', '#one').selectOption('3');
  await shadow(p, 'select[name=time]', '#two').selectOption('evening');
  assert.equal(await settledHash(p, '#one.day=3&two.time=evening'), '#one.day=3&two.time=evening');
  const one = await consistent(p, '#one');
  const two = await consistent(p, '#two');
  assert.ok(one.every((r) => r.day === 3));
  sameAsNative(two, ['--time', 'evening'], t);
  await p.reload();
  await p.evaluate(() => window.MeetingSearch.ready);
  assert.equal(await shadow(p, 'select[name=day]', '#one').inputValue(), '3');
  assert.equal(await shadow(p, 'select[name=time]', '#two').inputValue(), 'evening');
  assert.deepEqual(await consistent(p, '#one'), one);
  await p.goBack();
  await p.waitForFunction(() => !location.hash.includes('two.time'));
  assert.equal(await shadow(p, 'select[name=time]', '#two').inputValue(), '');
  assert.equal(await shadow(p, 'select[name=day]', '#one').inputValue(), '3');
  await p.close();
});

test('each filter gives what the core gives', { skip: !ready && 'dist/ or a feed is missing' }, async (t) => {
  const p = await open(page('filters.html', tag()));
  await p.evaluate(async () => {
    const host = document.querySelector('[data-meeting-search-host]');
    const handle = await window.MeetingSearch.mount(host);
    host.addEventListener('meeting-search:results', (e) => {
      window.lastCount = e.detail.count;
      window.lastResults = handle.results().length;
    });
  });
  const steps = [
    [['select[name=day]', '2'], ['--day', '2']],
    [['select[name=time]', 'morning'], ['--day', '2', '--time', 'morning']],
    [['select[name=day]', ''], ['--time', 'morning']],
    [['select[name=attendance]', 'in-person'], ['--time', 'morning', '--attendance', 'in-person']],
  ];
  for (const [[sel, value], args] of steps) {
    await shadow(p, sel).selectOption(value);
    const got = await consistent(p);
    assert.equal(await p.evaluate(() => window.lastCount), got.length, 'the results event carries the count');
    assert.equal(await p.evaluate(() => window.lastResults), got.length, 'results() works inside the event');
    sameAsNative(got, args, t);
  }
  await shadow(p, '[data-act=reset]').click();
  assert.equal(await settledHash(p, ''), '');
  // a type, chosen by its checkbox, with its count shown beside it
  await shadow(p, 'details.fbox').evaluate((d) => (d.open = true));
  await shadow(p, 'details.types summary').click();
  const box = shadow(p, 'label.type:not(.zero)').first();
  const code = await box.locator('input').getAttribute('value');
  const shown = Number(await box.locator('.n').textContent());
  await box.locator('input').check();
  const typed = await consistent(p);
  assert.equal(typed.length, shown, 'the count beside the type is what choosing it gives');
  sameAsNative(typed, ['--type', code], t);
  await shadow(p, '[data-act=reset]').click();
  // a region (the first one with meetings)
  const region = await shadow(p, 'select[name=region] option:nth-child(2)').getAttribute('value');
  if (region) {
    await shadow(p, 'select[name=region]').selectOption(region);
    sameAsNative(await consistent(p), ['--region', region], t);
    await shadow(p, '[data-act=reset]').click();
  }
  // words, answering as you type
  await shadow(p, 'input[name=text]').pressSequentially('group', { delay: 20 });
  await p.waitForFunction(() => location.hash.includes('text=group'));
  sameAsNative(await consistent(p), ['--text', 'group'], t);
  // the JS API, with the command line's names
  await p.evaluate(async () => (await window.MeetingSearch.mount(document.querySelector('[data-meeting-search-host]'))).setFilters({ day: [1, 3], type: ['O'], time: 'evening' }));
  sameAsNative(await consistent(p), ['--day', '1', '--day', '3', '--type', 'O', '--time', 'evening'], t);
  assert.deepEqual(pageErrors(p), []);
  await p.close();
});

test('destroy() and removing the element take the widget away; a broken feed says so', { skip: !ready && 'dist/ or a feed is missing' }, async () => {
  const url = page(
    'destroy.html',
    `<div id="a" data-meeting-search data-src="${feedUrl}" data-filters="day,text"></div>
<div id="b" data-meeting-search data-src="${feedUrl}"></div>
<div id="bad" data-meeting-search data-src="/no/such/feed.json" data-lang="fr"></div>
<div id="nourl" data-meeting-search data-src="http://[no-url/feed.json"></div>
<script src="/meeting-search/meeting-search.js"></script>`,
  );
  const p = await open(url);
  assert.equal(await shadow(p, 'select[name=time]', '#a').isVisible(), false, 'data-filters hides the others');
  assert.equal(await shadow(p, 'select[name=day]', '#a').isVisible(), true);
  await p.evaluate(async () => (await window.MeetingSearch.mount(document.querySelector('#a'))).destroy());
  assert.equal(await p.evaluate(() => document.querySelector('#a').shadowRoot.childNodes.length), 0);
  await p.evaluate(() => document.querySelector('#b').remove());
  await p.waitForFunction(() => document.querySelector('#b') === null);
  assert.match(await shadow(p, '.notice', '#bad').textContent(), /pas pu être chargées/);
  // A data-src that is no URL at all: the same notice, not an empty element.
  assert.match(await shadow(p, '.notice', '#nourl').textContent(), /could not be loaded/);
  assert.deepEqual(pageErrors(p).filter((e) => !e.includes('404')), []);
  await p.close();
});

test('"Use my location" asks only on click and orders by distance', { skip: !ready && 'dist/ or a feed is missing' }, async (t) => {
  const here = { latitude: 39.9526, longitude: -75.1652 };
  const p = await open(page('geo.html', tag('data-units="mi"')), { geolocation: here });
  await p.evaluate(() => {
    window.asked = 0;
    const g = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
    navigator.geolocation.getCurrentPosition = (...a) => (window.asked++, g(...a));
  });
  await shadow(p, 'details.fbox').evaluate((d) => (d.open = true));
  assert.equal(await p.evaluate(() => window.asked), 0);
  await shadow(p, '[data-act=locate]').click();
  await p.waitForFunction(() => window.asked === 1);
  await shadow(p, '.row .far').first().waitFor();
  await shadow(p, 'select[name=within]').selectOption('5');
  const got = await consistent(p);
  assert.ok(got.length > 0 && got.every((r) => r.distance !== null && r.distance <= 5));
  for (let i = 1; i < got.length; i++) assert.ok(got[i - 1].distance <= got[i].distance, 'ordered by distance');
  sameAsNative(got, ['--near', `${here.latitude},${here.longitude}`, '--within', '5', '--units', 'mi'], t);
  await p.waitForFunction(() => location.hash.includes('within=5'));
  const hash = await p.evaluate(() => location.hash);
  assert.ok(!hash.includes('39.95') && !hash.includes('75.16'), `the position is never in the URL: ${hash}`);
  await p.close();
});

test('"Use my location" refused: the widget says so and keeps its results', { skip: !ready && 'dist/ or a feed is missing' }, async () => {
  // No geolocation permission in this context: the browser refuses.
  const p = await open(page('nogeo.html', tag('data-units="mi"')));
  const before = await results(p);
  await shadow(p, 'details.fbox').evaluate((d) => (d.open = true));
  await shadow(p, '[data-act=locate]').click();
  await shadow(p, 'p.note[role=alert]').filter({ hasText: 'not available' }).waitFor();
  assert.deepEqual(await results(p), before);
  assert.equal(await shadow(p, '.row .far').count(), 0);
  assert.deepEqual(pageErrors(p), []);
  await p.close();
});

test('a typed place is found in the feed, offline', { skip: !ready && 'dist/ or a feed is missing' }, async (t) => {
  const p = await open(page('place.html', tag()));
  // a town the feed names as a region
  const city = await shadow(p, 'select[name=region] option').last().getAttribute('value');
  await p.context().setOffline(true);
  await shadow(p, 'details.fbox').evaluate((d) => (d.open = true));
  await shadow(p, 'input[name=place]').fill(city);
  await shadow(p, 'input[name=place]').press('Enter');
  await shadow(p, 'input[name=place]').dispatchEvent('change');
  await shadow(p, '.row .far').first().waitFor();
  const got = await consistent(p);
  assert.ok(got.every((r) => r.distance !== null));
  sameAsNative(got, ['--near-place', city], t);
  await p.waitForFunction(() => location.hash.includes('place='));
  await p.close();
});

test('detail: focus, links, calendar file, and back to the row', { skip: !ready && 'dist/ or a feed is missing' }, async () => {
  const p = await open(page('detail.html', tag()));
  const first = shadow(p, '.row').first();
  const slug = await first.getAttribute('data-slug');
  await first.locator('button.name').click();
  assert.equal(await p.evaluate(() => document.querySelector('[data-meeting-search-host]').shadowRoot.activeElement.tagName), 'H2');
  await p.waitForFunction((s) => location.hash.includes(`open=${encodeURIComponent(s)}`), slug);
  const hrefs = await shadow(p, '.detail a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const h of hrefs) assert.match(h, /^(https?:|mailto:|tel:)/i);
  const [download] = await Promise.all([p.waitForEvent('download'), shadow(p, '[data-act=ics]').click()]);
  const ics = readFileSync(await download.path(), 'utf8');
  assert.match(ics, /BEGIN:VCALENDAR/);
  assert.match(ics, /RRULE:FREQ=WEEKLY;BYDAY=(SU|MO|TU|WE|TH|FR|SA)/);
  await p.keyboard.press('Escape');
  const back = await p.evaluate(() => {
    const a = document.querySelector('[data-meeting-search-host]').shadowRoot.activeElement;
    return a && a.closest('.row').dataset.slug;
  });
  assert.equal(back, slug);
  // Closing wrote its own history entry.
  await p.waitForFunction(() => !location.hash.includes('open='));
  // the API opens a meeting too, and the back button, pressed at once, closes it (opening
  // writes its history entry at once: Back does not go past it)
  await p.evaluate(async (s) => (await window.MeetingSearch.mount(document.querySelector('[data-meeting-search-host]'))).open(s), slug);
  await shadow(p, '.detail h2').waitFor();
  await p.goBack();
  await shadow(p, '.detail').waitFor({ state: 'hidden' });
  await p.close();
});

test('320 px wide: nothing overflows', { skip: !ready && 'dist/ or a feed is missing' }, async () => {
  const p = await open(page('narrow.html', tag()), { viewport: { width: 320, height: 640 } });
  const widths = await p.evaluate(() => [document.documentElement.scrollWidth, document.querySelector('[data-meeting-search-host]').shadowRoot.querySelector('.ms').scrollWidth]);
  assert.ok(widths[0] <= 320 && widths[1] <= 320, `scroll widths ${widths}`);
  await shadow(p, 'details.fbox > summary').click();
  await shadow(p, 'select[name=day]').selectOption('4');
  await consistent(p);
  await p.close();
});

test('English, Spanish and French: from data-lang, <html lang> and the browser', { skip: !ready && 'dist/ or a feed is missing' }, async () => {
  const cases = [
    ['es', page('es.html', tag('data-lang="es"')), {}, /reuniones/, 'Cualquier día'],
    ['fr', page('fr.html', tag(), 'fr'), {}, /réunions/, 'N’importe quel jour'],
    ['en', page('en.html', tag(), ''), { locale: 'en-GB' }, /meetings/, 'Any day'],
    // Tags Intl refuses (RangeError) must not keep the widget from mounting: an underscore
    // (a common slip, read as a hyphen) and one that is no language tag at all (English).
    ['fr_FR', page('fr_FR.html', tag('data-lang="fr_FR"')), {}, /réunions/, 'N’importe quel jour'],
    ['x!', page('bad-lang.html', tag(), 'x!'), {}, /meetings/, 'Any day'],
  ];
  for (const [lang, url, options, count, anyDay] of cases) {
    const p = await open(url, options);
    assert.match(await shadow(p, '[role=status]').textContent(), count, lang);
    assert.equal(await shadow(p, 'select[name=day] option').first().textContent(), anyDay);
    const names = await shadow(p, '.badge').allTextContents();
    assert.ok(names.some((n) => n.length > 3), `${lang}: type names, not codes: ${names.slice(0, 5)}`);
    const tagged = await shadow(p, '[lang]').first().getAttribute('lang');
    assert.equal(tagged, { fr_FR: 'fr', 'x!': 'en' }[lang] ?? lang, `${lang}: the widget's lang attribute`);
    await p.close();
  }
});

test('screenshots of the demo, desktop and phone', { skip: !ready && 'dist/ or a feed is missing' }, async () => {
  mkdirSync(screenshots, { recursive: true });
  const url = page('demo.html', tag('data-title="Find a meeting"'));
  for (const [name, viewport, colorScheme] of [
    ['desktop', { width: 1280, height: 900 }, 'light'],
    ['phone', { width: 375, height: 812 }, 'light'],
    ['desktop-dark', { width: 1280, height: 900 }, 'dark'],
  ]) {
    const p = await open(url, { viewport, colorScheme });
    await p.screenshot({ path: join(screenshots, `widget-${name}.png`) });
    await shadow(p, '.row button.name').first().click();
    await p.screenshot({ path: join(screenshots, `widget-${name}-detail.png`) });
    await p.close();
  }
  console.log(`screenshots: ${screenshots}`);
});
