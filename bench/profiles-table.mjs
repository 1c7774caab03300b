// Prints the table of bench/profiles.sh from each variant's results.json.
// Usage: node bench/profiles-table.mjs out/profiles/NAME ...
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.log('no profile was measured');
  process.exit(1);
}
const ms = (x) => (x === null || x === undefined ? '–' : `${x.toFixed(x < 100 ? 1 : 0)} ms`);
const n = (x) => x.toLocaleString('en-US');
const runs = dirs.map((d) => ({ name: basename(d), ...JSON.parse(readFileSync(join(d, 'results.json'), 'utf8')) }));
const feeds = runs[0].rows.map((r) => r.n);
const head = ['Profile (opt-level, LTO, codegen-units)', 'wasm raw', 'wasm gzip -9', 'wasm brotli', 'all gzip -9',
  ...feeds.map((f) => `load @${n(f)}`), ...feeds.map((f) => `filter @${n(f)} med / p95`)];
const lines = runs.map((r) => {
  const wasm = r.sizes.rows.find((x) => x.file.endsWith('.wasm'));
  return [r.name, n(wasm.raw), n(wasm.gzip), n(wasm.brotli), n(r.sizes.total.gzip),
    ...r.rows.map((x) => (x.widget?.error ? 'n/a' : ms(x.widget.loadMedian))),
    ...r.rows.map((x) => (x.widget?.error ? 'n/a' : `${ms(x.widget.filterMedian)} / ${ms(x.widget.filterP95)}`))];
});
const widths = head.map((_, i) => Math.max(head[i].length, ...lines.map((l) => String(l[i]).length)));
const fmt = (l) => `| ${l.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
const out = [
  'Release profiles (panic = "abort" in all), built and benchmarked one after another; the first run:',
  runs[0].header ?? '',
  '',
  fmt(head),
  `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
  ...lines.map(fmt),
].join('\n');
console.log(`\n${out}`);
writeFileSync('out/profiles/results.md', `${out}\n`);
