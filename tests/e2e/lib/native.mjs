// Runs the native `meeting-search` command (target/release, built by `make test`), to compare
// the widget's results with `meeting-search query` on the same feed.
import { spawnSync } from 'node:child_process';
import { nativeBin } from './paths.mjs';

/** Runs `meeting-search ...args` (stdin from `input` when given); returns {code, stdout, stderr}. */
export function runNative(args, { input } = {}) {
  const r = spawnSync(nativeBin, args, { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
