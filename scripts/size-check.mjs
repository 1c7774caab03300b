// The size budget check run by `make test`: prints raw/gzip/brotli of every budgeted file in
// dist/ and fails (exit 1) when the gzip -9 total is over pkg-config/size-budget.json's limit,
// saying by how much.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { budgetedSizes, formatSizes } from './lib/sizes.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const budget = JSON.parse(readFileSync(`${root}pkg-config/size-budget.json`, 'utf8'));
const sizes = budgetedSizes(`${root}dist`, budget);
console.log(formatSizes(sizes));

const limit = budget.maxGzipBytes;
const total = sizes.total.gzip;
let ok = true;
if (sizes.missing.length > 0) {
  console.log(`size: missing from dist/: ${sizes.missing.join(', ')}`);
  ok = false;
}
if (total > limit) {
  console.log(`size: OVER BUDGET: ${total.toLocaleString('en-US')} B gzip -9 > ${limit.toLocaleString('en-US')} B, by ${(total - limit).toLocaleString('en-US')} B`);
  ok = false;
} else {
  console.log(`size: within budget: ${total.toLocaleString('en-US')} B gzip -9 <= ${limit.toLocaleString('en-US')} B (${(limit - total).toLocaleString('en-US')} B to spare)`);
}
const goal = budget.goalGzipBytes;
if (goal !== undefined && goal < limit) {
  const gap = total - goal;
  console.log(gap > 0
    ? `size: goal (issue 6) ${goal.toLocaleString('en-US')} B gzip -9: still over by ${gap.toLocaleString('en-US')} B`
    : `size: goal (issue 6) ${goal.toLocaleString('en-US')} B gzip -9 reached: lower maxGzipBytes to it`);
}
process.exit(ok ? 0 : 1);
