#!/usr/bin/env bash
# `make test`: every check, in order, each timed. Runs all steps even after a failure (so a
# formatting slip does not hide a failing test), skips the ones whose inputs failed, prints
# cargo's and node's summary lines and a table of steps, and exits 1 if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}

log_dir=out/test-logs
rm -rf "$log_dir"
mkdir -p "$log_dir"
summary=()
failed=0
t_all=$SECONDS

# run NAME CMD...: runs a step, tees its output to out/test-logs/NAME.log, records its time.
run() {
  local name=$1; shift
  local t0=$SECONDS
  printf '\n==> %s: %s\n' "$name" "$*"
  if "$@" 2>&1 | tee "$log_dir/$name.log"; then
    status=ok
  else
    status=FAILED
    failed=1
  fi
  local dt=$((SECONDS - t0))
  printf '<== %s: %s in %ds\n' "$name" "$status" "$dt"
  summary+=("$(printf '%-14s %-8s %5ds' "$name" "$status" "$dt")")
  [ "$status" = ok ]
}
skip() {
  printf '\n==> %s: SKIPPED (%s)\n' "$1" "$2"
  summary+=("$(printf '%-14s %-8s %s' "$1" "skipped" "$2")")
  failed=1
}

run setup scripts/setup.sh || { echo "setup failed: nothing else can run"; exit 1; }
run fmt cargo fmt --all --check
run clippy cargo clippy --all-targets -- -D warnings
run clippy-wasm cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
run cargo-test cargo test --all-targets
if grep -rqs --include='*.rs' 'wasm_bindgen_test\]' src tests; then
  run wasm-test cargo test --target wasm32-unknown-unknown --lib --tests
fi
if run dist scripts/dist.sh; then
  run size node scripts/size-check.mjs
else
  skip size "dist failed"
fi
run feeds scripts/feeds.sh 100 2000 10000
if [ -d dist ]; then
  run e2e node --test --test-reporter=spec tests/e2e/
else
  skip e2e "no dist/"
fi

printf '\n==== summary (logs in %s/)\n' "$log_dir"
grep -h '^test result:' "$log_dir"/cargo-test.log "$log_dir"/wasm-test.log 2>/dev/null
grep -hE '^(ℹ|#) (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) ' "$log_dir"/e2e.log 2>/dev/null
printf '%s\n' "${summary[@]}"
printf 'total: %ds\n' "$((SECONDS - t_all))"
if [ "$failed" -ne 0 ]; then
  echo "make test: FAILED"
  exit 1
fi
echo "make test: all passed"
