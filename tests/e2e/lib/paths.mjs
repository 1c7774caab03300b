// Absolute paths the browser tests and the benchmark share: the repository, the built widget
// (dist/), the test fixtures, the generated feeds (scripts/feeds.sh: out/feeds/demo-N.json),
// the native command, and where screenshots go.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

/** The repository's root folder. */
export const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
/** The built widget (`make dist`). */
export const dist = join(root, 'dist');
/** The widget's sources (loader parts, demo page). */
export const www = join(root, 'www');
/** Fixture pages and feeds for the browser tests, served as /fixtures/. */
export const fixtures = join(root, 'tests', 'e2e', 'fixtures');
/** Generated feeds (`make feeds`), served as /feeds/. */
export const feeds = join(root, 'out', 'feeds');
/** Where tests save screenshots (printed by the tests that write them). */
export const screenshots = join(root, 'out', 'screenshots');
/** The native command, built by `make test` (cargo build --release; honours CARGO_TARGET_DIR). */
export const nativeBin = join(resolve(root, process.env.CARGO_TARGET_DIR ?? 'target'), 'release', 'meeting-search');
/** axe-core's browser bundle. */
export const axeScript = join(root, 'tests', 'e2e', 'node_modules', 'axe-core', 'axe.min.js');
/** The project's shared feeds (../shared/feeds) when present, else null: tests then skip. */
export const sharedFeeds = existsSync(join(root, '..', 'shared', 'feeds'))
  ? join(root, '..', 'shared', 'feeds')
  : null;

/** Sizes of the generated test feeds (`make feeds`; seed 7). */
export const TEST_FEED_SIZES = [100, 2000, 10000];

/** Path of the generated feed with `n` meetings, e.g. feedPath(2000) → out/feeds/demo-2000.json. */
export function feedPath(n) {
  return join(feeds, `demo-${n}.json`);
}
