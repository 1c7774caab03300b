// axe-core over the widget (its shadow tree included): zero violations in the default,
// filtered, detail and dark states, and the keyboard path through a meeting's detail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { launch, newPage } from './lib/browser.mjs';
import { serve } from './lib/server.mjs';
import { checkA11y, formatViolations } from './lib/a11y.mjs';
import { axeScript, dist, feedPath, sharedFeeds } from './lib/paths.mjs';

const feedFile = [feedPath(2000), sharedFeeds && join(sharedFeeds, 'meeting-guide', 'aasepia.json')].find(
  (f) => f && existsSync(f),
);
const ready = existsSync(join(dist, 'meeting-search.js')) && feedFile && existsSync(axeScript);
const skip = !ready && 'dist/, a feed or axe-core is missing';
const HOST = '[data-meeting-search-host]';

let browser;
let server;
let dir;

before(async () => {
  if (!ready) return;
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'a11y-'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Meetings</title></head>
<body><main><h1>Meetings</h1>
<script src="/meeting-search/meeting-search.js" data-src="/feeds/${basename(feedFile)}" data-timezone="America/New_York" data-title="Find a meeting"></script>
</main></body></html>`,
  );
  writeFileSync(
    join(dir, 'untitled.html'),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Réunions</title></head>
<body><h1>Réunions</h1><div id="w" data-meeting-search data-src="/feeds/${basename(feedFile)}"></div>
<script src="/meeting-search/meeting-search.js"></script></body></html>`,
  );
  server = await serve({ root: { '/': dir, '/meeting-search/': dist, '/feeds/': dirname(feedFile) } });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function load(options = {}, path = '') {
  const p = await newPage(browser, options);
  await p.goto(server.url + path);
  await p.evaluate(() => window.MeetingSearch.ready);
  return p;
}

async function clean(p, state) {
  const v = await checkA11y(p, HOST);
  assert.equal(v.length, 0, `${state}:\n${formatViolations(v)}`);
}

test('no violations: default', { skip }, async () => {
  const p = await load();
  await clean(p, 'default');
  await p.close();
});

test('no violations: filtered, types open, location note', { skip }, async () => {
  const p = await load();
  const s = (css) => p.locator(`${HOST} >> ${css}`);
  await s('select[name=day]').selectOption('2');
  await s('select[name=time]').selectOption('evening');
  await s('details.types > summary').click();
  await s('input[name=place]').fill('nowhere-at-all');
  await s('input[name=place]').dispatchEvent('change');
  await clean(p, 'filtered');
  await s('[data-act=reset]').click();
  await s('input[name=text]').fill('zzzzzz');
  await clean(p, 'no results');
  await p.close();
});

test('no violations: detail, reached and left by keyboard', { skip }, async () => {
  const p = await load();
  const name = p.locator(`${HOST} >> .row button.name`).first();
  await name.focus();
  await p.keyboard.press('Enter');
  const focused = () => p.evaluate((h) => document.querySelector(h).shadowRoot.activeElement?.className, HOST);
  assert.equal(await focused(), 'dname');
  await clean(p, 'detail');
  await p.keyboard.press('Escape');
  assert.equal(await focused(), 'name');
  await p.close();
});

test('no violations: dark, phone', { skip }, async () => {
  const p = await load({ colorScheme: 'dark', viewport: { width: 360, height: 740 } });
  await clean(p, 'dark');
  await p.locator(`${HOST} >> details.fbox > summary`).click();
  await clean(p, 'dark, filters open');
  await p.close();
});

test('no violations: a div embed without a title, in French, with a meeting open', { skip }, async () => {
  const p = await load({}, 'untitled.html');
  const v1 = await checkA11y(p, '#w');
  assert.equal(v1.length, 0, formatViolations(v1));
  await p.locator('#w >> .row button.name').first().click();
  const v2 = await checkA11y(p, '#w');
  assert.equal(v2.length, 0, formatViolations(v2));
  await p.close();
});
