# The two set-up commands: `make demo` builds and serves the demo; `make test` runs every test.
# Both install what they need first (scripts/setup.sh, idempotent).
#   make dist    the release widget in dist/ (copy that folder to a site as is)
#   make bench   size and speed figures in headless Chromium (issue 6)
#   make feeds   generated test feeds in out/feeds/
#   make pack    the npm package (pkg-config/package.json + dist/) in out/
.PHONY: setup dist demo test bench feeds pack native-test size-check

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

size-check:
	node scripts/size-check.mjs

bench: dist
	scripts/feeds.sh $(BENCH_FEEDS)
	node bench/run.mjs $(BENCH_FEEDS)

# The native tests alone (fast; no browser, no npm).
native-test:
	cargo test --all-targets
