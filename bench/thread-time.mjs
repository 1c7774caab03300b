// Main-thread CPU time of the widget, A/B: the renderer main thread's thread time (trace events'
// `tdur`), which other processes on a busy machine do not inflate the way they inflate wall
// time. For each dist folder, interleaved, after one warm-up load: navigation start → first
// results painted, results event → painted, and the CPU of each filter change (the same
// changes as `make bench` makes through setFilters, counted over the whole run of changes,
// idle work included). Medians.
// Usage: node bench/thread-time.mjs N LOADS DIST [DIST ...]   e.g. 10000 3 /tmp/base dist
// Env: CHANGES (filter changes per load, default 60; 0 for loads only).
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, newPage } from '../tests/e2e/lib/browser.mjs';
import { serve, DEFAULT_MOUNTS } from '../tests/e2e/lib/server.mjs';

const [n, loads, ...dists] = process.argv.slice(2);
if (!dists.length) {
  console.error('usage: node bench/thread-time.mjs N LOADS DIST [DIST ...]');
  process.exit(1);
}
const pagesDir = fileURLToPath(new URL('pages/', import.meta.url));
const probe = readFileSync(join(pagesDir, 'probe.js'), 'utf8');
const html = readFileSync(join(pagesDir, 'widget.html'), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'thread-time-'));
const mounts = { ...DEFAULT_MOUNTS, '/bench/': pagesDir, '/ab/': scratch };
dists.forEach((d, i) => {
  mounts[`/d${i}/`] = d;
  writeFileSync(join(scratch, `w${i}.html`), html.replace('/meeting-search/', `/d${i}/`).replace('src="widget.js"', 'src="/bench/widget.js"'));
});
const CHANGES = Number(process.env.CHANGES ?? 60);
const plan = [];
for (let i = 0; plan.length < CHANGES; i++) {
  plan.push({ day: [i % 7] }, { day: [i % 7], type: [['O', 'C', 'D', 'BE', 'ST'][i % 5]] }, { text: ['gr', 'grou', 'step'][i % 3] }, {});
}
plan.length = CHANGES;
const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length ? s[(s.length - 1) >> 1] : NaN;
};

const server = await serve({ root: mounts });
const browser = await launch();
const results = dists.map(() => ({ load: [], frame: [], change: [] }));
for (let round = 0; round <= Number(loads); round++) {
  for (let i = 0; i < dists.length; i++) {
    const page = await newPage(browser);
    await page.addInitScript(probe);
    const cdp = await page.context().newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
    const done = new Promise((ok) => cdp.on('Tracing.tracingComplete', ok));
    await cdp.send('Tracing.start', { categories: 'toplevel,blink.user_timing', transferMode: 'ReportEvents' });
    await page.goto(`${server.url}ab/w${i}.html?feed=/feeds/demo-${n}.json`);
    await page.waitForFunction('window.__probe.first && window.__probe.first.paint && window.__bench.handle', null, { timeout: 120000, polling: 50 });
    const first = await page.evaluate(() => ({ event: window.__probe.first.event, paint: window.__probe.first.paint }));
    let span = null;
    if (plan.length) {
      await page.waitForTimeout(300);
      span = await page.evaluate(async (plan) => {
        const start = performance.now();
        for (const f of plan) await window.__probe.change(() => window.__bench.handle.setFilters(f));
        return [start, performance.now()];
      }, plan);
    }
    await cdp.send('Tracing.end');
    await done;
    // The page's main thread is the one that recorded its navigation start.
    const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.includes('/ab/'));
    const tasks = events.filter((e) => e.pid === nav.pid && e.tid === nav.tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask');
    const cpu = (from, to) =>
      tasks.filter((e) => e.ts >= nav.ts + from * 1000 && e.ts < nav.ts + to * 1000).reduce((sum, e) => sum + (e.tdur || 0), 0) / 1000;
    if (round > 0) {
      results[i].load.push(cpu(0, first.paint));
      results[i].frame.push(cpu(first.event, first.paint));
      if (span) results[i].change.push(cpu(span[0], span[1]) / plan.length);
    }
    await page.close();
  }
}
await browser.close();
await server.close();
rmSync(scratch, { recursive: true, force: true });
console.log(`main-thread CPU (thread time), ${Number(n).toLocaleString('en')} meetings, medians of ${loads} loads each:`);
for (let i = 0; i < dists.length; i++) {
  const r = results[i];
  const change = plan.length ? `, per filter change ${median(r.change).toFixed(2)} ms` : '';
  console.log(`${dists[i].padEnd(28)} navigation → painted ${median(r.load).toFixed(0)} ms, results event → painted ${median(r.frame).toFixed(1)} ms${change}`);
}
