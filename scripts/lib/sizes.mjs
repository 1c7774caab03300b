// Raw, gzip -9 and brotli sizes of the files the size budget names (shared by the
// budget check and the benchmark).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

/** Sizes of one buffer: raw, gzip level 9 (as `gzip -9`), brotli quality 11. */
export function sizesOf(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

/** Files in `dir` matching a simple pattern (`name`, `*.ext`, `sub/*.ext`), sorted. */
function expand(dir, pattern) {
  const sub = dirname(pattern);
  const base = basename(pattern);
  const folder = join(dir, sub);
  if (!existsSync(folder)) return [];
  const re = new RegExp('^' + base.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$');
  return readdirSync(folder)
    .filter((f) => re.test(f))
    .sort()
    .map((f) => (sub === '.' ? f : `${sub}/${f}`));
}

/**
 * The budgeted files of `distDir` per `budget` ({files, oneOf}) with their sizes, and the
 * totals. Files named literally but missing are listed in `missing`.
 */
export function budgetedSizes(distDir, budget) {
  const rows = [];
  const missing = [];
  for (const pattern of budget.files) {
    const found = expand(distDir, pattern);
    if (found.length === 0 && !pattern.includes('*')) missing.push(pattern);
    for (const f of found) rows.push({ file: f, ...sizesOf(readFileSync(join(distDir, f))) });
  }
  for (const pattern of budget.oneOf ?? []) {
    const found = expand(distDir, pattern).map((f) => ({ file: f, ...sizesOf(readFileSync(join(distDir, f))) }));
    if (found.length === 0) continue;
    found.sort((a, b) => b.gzip - a.gzip);
    rows.push({ ...found[0], file: `${found[0].file} (largest of ${pattern})` });
  }
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const r of rows) for (const k of Object.keys(total)) total[k] += r[k];
  return { rows, total, missing };
}

/** A plain-text table of `rows` and `total`. */
export function formatSizes({ rows, total }) {
  const n = (x) => x.toLocaleString('en-US');
  const width = Math.max(5, ...rows.map((r) => r.file.length));
  const line = (f, r) => `${f.padEnd(width)}  ${n(r.raw).padStart(9)}  ${n(r.gzip).padStart(9)}  ${n(r.brotli).padStart(9)}`;
  return [
    `${'file'.padEnd(width)}  ${'raw'.padStart(9)}  ${'gzip -9'.padStart(9)}  ${'brotli'.padStart(9)}`,
    ...rows.map((r) => line(r.file, r)),
    line('total', total),
  ].join('\n');
}
