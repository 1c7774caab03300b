// `make bench-cpu`: where the widget's time goes. Loads the widget on one generated feed in
// headless Chromium with the V8 sampling profiler on, from navigation to the first results
// painted, then over 60 filter changes, and prints the functions with the most self time
// (wasm functions by their Rust names: the page gets dist's wasm re-optimised with names, the
// file `make wasm-top` writes, and the glue and loader before minification).
// Usage: node bench/cpu-profile.mjs [N (default 2000)] [NAMED.wasm]
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, newPage } from '../tests/e2e/lib/browser.mjs';
import { serve, DEFAULT_MOUNTS } from '../tests/e2e/lib/server.mjs';
import { root, feedPath } from '../tests/e2e/lib/paths.mjs';

const n = Number(process.argv[2] ?? 2000);
const named = process.argv[3] ?? join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'dist-work', 'named.wasm');
if (!existsSync(named)) {
  console.error(`bench: ${named} is missing: run make wasm-top first (make bench-cpu does)`);
  process.exit(1);
}
const pagesDir = fileURLToPath(new URL('pages/', import.meta.url));
const probe = readFileSync(join(pagesDir, 'probe.js'), 'utf8');
const feedUrl = `/feeds/demo-${n}.json`;
if (!existsSync(feedPath(n))) {
  console.error(`bench: ${feedPath(n)} is missing: run scripts/feeds.sh ${n}`);
  process.exit(1);
}

/** Self time per function (ms), from a V8 CPU profile, largest first. */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const total = new Map();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const where = f.url.startsWith('wasm://') ? 'wasm' : f.url.split('/').pop() || '';
    const line = f.functionName || !where ? '' : `:${f.lineNumber + 1}`;
    const key = `${f.functionName || '(anonymous)'}  [${where}${line}]`;
    total.set(key, (total.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...total].sort((a, b) => b[1] - a[1]);
}

function report(title, profile, top = 25) {
  const rows = selfTimes(profile);
  const sum = rows.reduce((a, [, t]) => a + t, 0);
  console.log(`\n${title}: ${sum.toFixed(0)} ms sampled; self time by function:`);
  for (const [name, t] of rows.slice(0, top)) {
    console.log(`${t.toFixed(1).padStart(8)} ms ${((100 * t) / sum).toFixed(1).padStart(5)}%  ${name.slice(0, 140)}`);
  }
}

function unminified(file) {
  const path = join(dirname(named), file);
  return (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/javascript' });
    res.end(readFileSync(path));
  };
}

const server = await serve({
  root: { ...DEFAULT_MOUNTS, '/bench/': pagesDir },
  routes: {
    '/meeting-search/meeting_search_bg.wasm': (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/wasm' });
      res.end(readFileSync(named));
    },
    // The loader (with the glue) before minification, so that its functions keep their names.
    '/meeting-search/meeting-search.js': unminified('meeting-search.js'),
  },
});
const browser = await launch();
try {
  const page = await newPage(browser);
  await page.addInitScript(probe);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(`${server.url}bench/widget.html?feed=${encodeURIComponent(feedUrl)}`);
  // A timer loop in the page, not waitForFunction (which injects Playwright's script mid-load).
  await page.evaluate(async () => {
    const ready = () => window.__bench.error || (window.__bench.handle && window.__probe.first && window.__probe.first.paint);
    while (!ready()) await new Promise((resolve) => setTimeout(resolve, 20));
  });
  const load = (await cdp.send('Profiler.stop')).profile;
  const error = await page.evaluate(() => window.__bench.error);
  if (error) throw new Error(error);
  const paint = await page.evaluate(() => window.__probe.first.paint);
  report(`Load of ${n.toLocaleString('en-US')} meetings to first results painted (${paint.toFixed(0)} ms)`, load);

  await cdp.send('Profiler.start');
  await page.evaluate(async () => {
    const plans = [{ day: [1] }, { day: [2], type: ['O'] }, { text: 'st' }, { text: 'step' }, {}];
    for (let i = 0; i < 60; i++) await window.__probe.change(() => window.__bench.handle.setFilters(plans[i % plans.length]));
  });
  report('60 filter changes (probe.change\'s self time is the style and layout it forces)', (await cdp.send('Profiler.stop')).profile);
} finally {
  await browser.close();
  await server.close();
}
