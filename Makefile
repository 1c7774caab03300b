# The two set-up commands: `make demo` builds and serves the demo; `make test` runs every test.
# Both install what they need first (scripts/setup.sh, idempotent).
#   make dist    the release widget in dist/ (copy that folder to a site as is)
#   make bench   size and speed figures in headless Chromium (issue 6)
#   make feeds   generated test feeds in out/feeds/
#   make pack    the npm package (pkg-config/package.json + dist/) in out/
#   make wasm-top  where the wasm's bytes go (largest functions, code per crate)
#   make bench-profiles  wasm size and speed for each release profile (opt-level, LTO, CGUs)
#   make bench-cpu  where the widget's time goes (V8 profile of a load and of filter changes)
#   make bench-thread BASE=other/dist [N=2000]  main-thread CPU time, this dist against another
.PHONY: setup dist demo test bench bench-cpu bench-thread bench-profiles feeds pack wasm-top native-test size-check

PORT ?= 8080
TEST_FEEDS := 100 2000 10000
BENCH_FEEDS := 1000 2000 10000 100000

setup:
	scripts/setup.sh

dist: setup
	scripts/dist.sh

demo: dist
	PORT=$(PORT) scripts/demo.sh

test:
	scripts/test.sh

feeds:
	scripts/feeds.sh $(TEST_FEEDS)

pack: dist
	scripts/pack.sh

# The dist wasm optimised as dist's but keeping its names (-g), then its largest functions.
wasm-top: dist
	tests/e2e/node_modules/.bin/wasm-opt $$(grep -v -e '^#' -e '^--strip' pkg-config/wasm-opt.flags) -g \
	  $${CARGO_TARGET_DIR:-target}/dist-work/meeting_search_bg.wasm -o $${CARGO_TARGET_DIR:-target}/dist-work/named.wasm
	cp $${CARGO_TARGET_DIR:-target}/dist-work/meeting_search.orig.js $${CARGO_TARGET_DIR:-target}/dist-work/named-glue.js
	node scripts/short-names.mjs $${CARGO_TARGET_DIR:-target}/dist-work/named.wasm $${CARGO_TARGET_DIR:-target}/dist-work/named-glue.js
	node scripts/wasm-top.mjs $${CARGO_TARGET_DIR:-target}/dist-work/named.wasm 40

size-check:
	node scripts/size-check.mjs

bench: dist
	scripts/feeds.sh $(BENCH_FEEDS)
	node bench/run.mjs $(BENCH_FEEDS)

bench-cpu: wasm-top
	scripts/feeds.sh 2000
	node bench/cpu-profile.mjs 2000

# CPU time is not inflated by other processes the way wall time is: the A/B to trust on a
# busy machine. BASE (optional) is another build's dist/ folder.
N ?= 2000
bench-thread: dist
	scripts/feeds.sh $(N)
	node bench/thread-time.mjs $(N) 5 $(BASE) dist

bench-profiles: setup
	bench/profiles.sh

# The native tests alone (fast; no browser, no npm).
native-test:
	cargo test --all-targets
