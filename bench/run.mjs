// `make bench` (issue 6): sizes of dist/, navigation start → first results painted, filter
// change → painted, and wasm memory, for the widget and for a plain-JavaScript floor page in
// the same run, over generated feeds (out/feeds/demo-N.json), in headless Chromium. The
// issue's own plain page (fetch, parse, 50 rows) is timed too, for its load only.
// Usage: node bench/run.mjs [N ...]   (default 1000 2000 10000 100000)
// Env: BENCH_LOADS (loads per page and feed, default 9), BENCH_CHANGES (default 60),
// BENCH_DIST (the widget's folder, default dist/), BENCH_OUT (results folder, default out/bench).
import { readFileSync, statSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, newPage } from '../tests/e2e/lib/browser.mjs';
import { serve, DEFAULT_MOUNTS } from '../tests/e2e/lib/server.mjs';
import { root, dist as defaultDist, feedPath } from '../tests/e2e/lib/paths.mjs';
import { budgetedSizes, formatSizes } from '../scripts/lib/sizes.mjs';

const sizesArg = process.argv.slice(2).map(Number).filter((n) => n > 0);
const FEEDS = sizesArg.length ? sizesArg : [1000, 2000, 10000, 100000];
const LOADS = Number(process.env.BENCH_LOADS ?? 9);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 60);
const dist = process.env.BENCH_DIST ?? defaultDist;
const outDir = process.env.BENCH_OUT ?? join(root, 'out', 'bench');
const pagesDir = fileURLToPath(new URL('pages/', import.meta.url));
const probe = readFileSync(join(pagesDir, 'probe.js'), 'utf8');

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.ceil(i)] - s[lo]) * (i - lo);
}

/** Filter changes for a feed: days, types, typed words, radii and clears, never twice the same in a row. */
function filterPlan(feedFile) {
  const data = JSON.parse(readFileSync(feedFile, 'utf8'));
  const typeCount = new Map();
  const wordCount = new Map();
  let near = null;
  for (const m of data) {
    for (const t of Array.isArray(m.types) ? m.types : []) typeCount.set(t, (typeCount.get(t) ?? 0) + 1);
    for (const w of String(m.name ?? '').toLowerCase().split(/[^a-z]+/)) if (w.length >= 4) wordCount.set(w, (wordCount.get(w) ?? 0) + 1);
    const lat = Number(m.latitude);
    const lon = Number(m.longitude);
    if (!near && m.latitude !== undefined && Number.isFinite(lat) && Number.isFinite(lon) && (lat || lon)) near = { lat, lon };
  }
  const top = (map, n) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k]) => k);
  const types = top(typeCount, 6);
  const words = top(wordCount, 4);
  const plan = [];
  const radii = [1, 2, 5, 10, 25];
  for (let i = 0; plan.length < CHANGES; i++) {
    plan.push({ day: [i % 7] });
    if (types.length) plan.push({ day: [i % 7], type: [types[i % types.length]] });
    if (words.length) {
      const w = words[i % words.length];
      for (const k of [2, 3, w.length]) plan.push({ text: w.slice(0, k) });
    }
    if (near) plan.push({ near, within: radii[i % radii.length], units: 'mi' });
    plan.push({});
  }
  return plan.slice(0, CHANGES);
}

async function measurePage(browser, server, kind, feedUrl, { changes, memory }) {
  const page = await newPage(browser);
  await page.addInitScript(probe);
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${server.url}bench/${kind}.html?feed=${encodeURIComponent(feedUrl)}`);
  // Waits in the page (a plain timer loop), not with waitForFunction: its first call
  // injects Playwright's own script, ~20 ms of main-thread work that landed between the
  // first results and their paint.
  await page.evaluate(async (widget) => {
    const ready = () => (widget
      ? window.__bench && (window.__bench.error || (window.__bench.handle && window.__probe.first && window.__probe.first.paint))
      : window.__probe.first && window.__probe.first.paint);
    const until = Date.now() + 300000;
    while (!ready() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
  }, kind === 'widget');
  const error = kind === 'widget' ? await page.evaluate(() => window.__bench.error) : null;
  if (error) {
    await page.close();
    return { error };
  }
  const result = await page.evaluate((feed) => {
    const p = window.__probe;
    const entry = performance.getEntriesByType('resource').find((e) => e.name.endsWith(feed));
    return { load: p.first.paint, event: p.first.event, count: p.first.count, wasmReady: p.wasmReady ?? null, feedIn: entry ? entry.responseEnd : null };
  }, feedUrl);
  if (changes) {
    result.changes = await page.evaluate(
      async ({ plan, kind }) => {
        const out = [];
        for (const f of plan) {
          const apply = kind === 'widget' ? () => window.__bench.handle.setFilters(f) : () => window.__floor.filter(f);
          out.push(await window.__probe.change(apply));
        }
        return out;
      },
      { plan: changes, kind },
    );
  }
  if (memory) {
    await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
    result.wasm = await page.evaluate(() => window.__probe.wasmBytes());
    result.heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  }
  await page.close();
  return result;
}

async function benchFeed(browser, server, n) {
  const file = feedPath(n);
  const feedUrl = `/feeds/demo-${n}.json`;
  const plan = filterPlan(file);
  const row = { n, feedBytes: statSync(file).size };
  for (const kind of ['widget', 'floor', 'plain']) {
    const loads = [];
    const phases = { wasmReady: [], feedIn: [], event: [] };
    let last;
    // One warm-up load (browser caches, compiled code), then LOADS timed ones; the last also
    // times the filter changes and reads the memory.
    for (let i = 0; i <= LOADS; i++) {
      const isLast = i === LOADS;
      // The plain page is timed for its load only.
      const changes = isLast && kind !== 'plain' ? plan : null;
      last = await measurePage(browser, server, kind, feedUrl, { changes, memory: isLast && kind !== 'plain' });
      if (last.error) break;
      if (i > 0) {
        loads.push(last.load);
        for (const k of Object.keys(phases)) phases[k].push(last[k]);
      }
    }
    if (last.error) {
      row[kind] = { error: last.error };
      process.stderr.write(`bench: ${n} ${kind}: ${last.error}\n`);
      continue;
    }
    const changes = last.changes ?? [];
    const missed = changes.filter((x) => x === null).length;
    const paints = changes.map((x) => x && x.paint);
    const layouts = changes.map((x) => x && x.layout);
    row[kind] = {
      count: last.count,
      loadMedian: median(loads),
      loads,
      phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, median(v)])),
      filterMedian: median(paints),
      filterP95: quantile(paints, 0.95),
      layoutMedian: median(layouts),
      layoutP95: quantile(layouts, 0.95),
      missed,
      wasm: last.wasm,
      heap: last.heap,
    };
    const filter = row[kind].filterMedian === null ? '' : `, filter median ${row[kind].filterMedian.toFixed(1)} ms`;
    process.stderr.write(`bench: ${n} ${kind}: load median ${median(loads).toFixed(0)} ms${filter}\n`);
  }
  return row;
}

const ms = (x) => (x === null || x === undefined ? '–' : `${x.toFixed(x < 100 ? 1 : 0)} ms`);
const mb = (x) => (x ? `${(x / 1048576).toFixed(1)} MB` : '–');
const mark = (ok) => (ok ? ' ✓' : ' ✗');

function table(rows, sizes) {
  const cols = rows.map((r) => r.n.toLocaleString('en-US'));
  const w = (r, f) => (r.widget?.error ? 'n/a' : f(r.widget));
  const fl = (r, f) => (r.floor?.error ? 'n/a' : f(r.floor));
  const loadBudget = { 2000: 250, 10000: 500 };
  const lines = [
    ['Feed (meetings)', ...cols, 'Budget'],
    ['Feed size (raw)', ...rows.map((r) => mb(r.feedBytes)), ''],
    ['Load → first results painted, widget (median)', ...rows.map((r) => w(r, (x) => {
      const b = loadBudget[r.n];
      const floorOk = r.floor?.loadMedian ? x.loadMedian <= 2 * r.floor.loadMedian : true;
      return ms(x.loadMedian) + (b ? mark(x.loadMedian <= b && floorOk) : '');
    })), '≤250 ms @2,000; ≤500 ms @10,000; ≤2× floor'],
    ['  of which: wasm ready / feed received / results event (medians)', ...rows.map((r) => w(r, (x) => `${ms(x.phases.wasmReady)} / ${ms(x.phases.feedIn)} / ${ms(x.phases.event)}`)), 'from navigation start'],
    ['Load → first 50 rows painted, plain JS floor (median)', ...rows.map((r) => fl(r, (x) => ms(x.loadMedian))), ''],
    ['Load → 50 rows painted, the issue\'s plain page (median)', ...rows.map((r) => (r.plain?.error ? 'n/a' : ms(r.plain?.loadMedian))), 'issue: 122 ms @2,000; 219 ms @10,000'],
    ['Widget ÷ floor', ...rows.map((r) => (r.widget?.loadMedian && r.floor?.loadMedian ? `${(r.widget.loadMedian / r.floor.loadMedian).toFixed(2)}×` : 'n/a')), '≤2×'],
    ['Filter change → painted, widget (median / p95)', ...rows.map((r) => w(r, (x) => `${ms(x.filterMedian)} / ${ms(x.filterP95)}${r.n === 10000 ? mark(x.filterMedian <= 16 && x.filterP95 <= 33) : ''}${x.missed ? ` (${x.missed} no event)` : ''}`)), '≤16 / ≤33 ms @10,000'],
    ['Filter change → painted, plain JS floor (median / p95)', ...rows.map((r) => fl(r, (x) => `${ms(x.filterMedian)} / ${ms(x.filterP95)}`)), ''],
    ['Filter change → laid out, widget / floor (median)', ...rows.map((r) => `${w(r, (x) => ms(x.layoutMedian))} / ${fl(r, (x) => ms(x.layoutMedian))}`), ''],
    ['Wasm memory after load', ...rows.map((r) => w(r, (x) => mb(x.wasm))), ''],
    ['JS heap after load, widget / floor', ...rows.map((r) => `${w(r, (x) => mb(x.heap))} / ${fl(r, (x) => mb(x.heap))}`), ''],
  ];
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => String(l[i]).length)));
  const fmt = (l) => `| ${l.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  const sizeLines = formatSizes(sizes).split('\n');
  return [
    `Widget files (dist/), bytes; budget ${(60000).toLocaleString('en-US')} B gzip -9 in all:${mark(sizes.total.gzip <= 60000)}`,
    ...sizeLines,
    '',
    fmt(lines[0]),
    `|${widths.map((x) => '-'.repeat(x + 2)).join('|')}|`,
    ...lines.slice(1).map(fmt),
  ].join('\n');
}

for (const n of FEEDS) {
  if (!existsSync(feedPath(n))) {
    console.error(`bench: ${feedPath(n)} is missing: run make bench (it generates the feeds)`);
    process.exit(1);
  }
}
const budget = JSON.parse(readFileSync(join(root, 'pkg-config', 'size-budget.json'), 'utf8'));
const sizes = budgetedSizes(dist, budget);
const server = await serve({ root: { ...DEFAULT_MOUNTS, '/meeting-search/': dist, '/bench/': pagesDir } });
const browser = await launch();
const version = browser.version();
const started = Date.now();
const rows = [];
try {
  for (const n of FEEDS) rows.push(await benchFeed(browser, server, n));
} finally {
  await browser.close();
  await server.close();
}
const header = `meeting-search bench: headless Chromium ${version}, ${cpus().length} cores (load ${loadavg()[0].toFixed(2)}), ${LOADS} loads + 1 warm-up per page and feed, ${CHANGES} filter changes; ${((Date.now() - started) / 1000).toFixed(0)} s`;
const out = `${header}\n\n${table(rows, sizes)}\n`;
console.log(`\n${out}`);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'results.md'), out);
writeFileSync(join(outDir, 'results.json'), JSON.stringify({ header, sizes, rows }, null, 2));
console.log(`(also in ${join(outDir, 'results.md')} and results.json)`);
