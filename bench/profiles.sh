#!/usr/bin/env bash
# `make bench-profiles`: the release profile chosen by measurement (issue 6). Builds the
# widget once per variant below (Cargo.toml's [profile.release] overridden through
# CARGO_PROFILE_RELEASE_* variables, each in its own target dir so a rerun is incremental),
# benchmarks each on the given feeds (default 2000 10000) and prints one table:
# wasm raw/gzip/brotli, load to first results, filter change to painted.
# Env: BENCH_LOADS (default 7), BENCH_CHANGES (default 60), VARIANTS (names, default all).
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_LOADS=${BENCH_LOADS:-7}
feeds=("$@")
[ ${#feeds[@]} -gt 0 ] || feeds=(2000 10000)

# name | opt-level | lto | codegen-units
all_variants=(
  "z-lto-cgu1|z|true|1"
  "s-lto-cgu1|s|true|1"
  "3-lto-cgu1|3|true|1"
  "z-nolto-cgu1|z|false|1"
  "z-lto-cgu16|z|true|16"
)
only=${VARIANTS:-}
mkdir -p out/profiles
scripts/feeds.sh "${feeds[@]}"
results=()
for v in "${all_variants[@]}"; do
  IFS='|' read -r name opt lto cgu <<<"$v"
  if [ -n "$only" ] && [[ " $only " != *" $name "* ]]; then continue; fi
  dir=out/profiles/$name
  printf '\n==> profile %s: opt-level=%s lto=%s codegen-units=%s panic=abort\n' "$name" "$opt" "$lto" "$cgu"
  t0=$SECONDS
  CARGO_TARGET_DIR=target/profiles/$name \
    CARGO_PROFILE_RELEASE_OPT_LEVEL=$opt CARGO_PROFILE_RELEASE_LTO=$lto \
    CARGO_PROFILE_RELEASE_CODEGEN_UNITS=$cgu \
    DIST_DIR=$dir/dist scripts/dist.sh >"$dir.build.log" 2>&1 || {
      mkdir -p "$dir"
      echo "build failed: see $dir.build.log"
      continue
    }
  echo "built in $((SECONDS - t0)) s"
  BENCH_DIST=$dir/dist BENCH_OUT=$dir node bench/run.mjs "${feeds[@]}" >"$dir.bench.log" 2>&1 || {
    echo "bench failed: see $dir.bench.log"
    continue
  }
  results+=("$dir")
done
node bench/profiles-table.mjs "${results[@]}"
