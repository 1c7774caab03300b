#!/usr/bin/env bash
# Generates test/benchmark feeds out/feeds/demo-N.json (seed 7) with the native
# `meeting-search generate`, for each N given; regenerated only when missing or older
# than the binary.  Usage: scripts/feeds.sh 100 2000 10000
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${CARGO_TARGET_DIR:-target}/release/meeting-search
cargo build --release --bin meeting-search
mkdir -p out/feeds
for n in "$@"; do
  out="out/feeds/demo-$n.json"
  if [ ! -s "$out" ] || [ "$bin" -nt "$out" ]; then
    "$bin" generate --meetings "$n" --seed 7 >"$out.tmp"
    mv "$out.tmp" "$out"
    printf 'feeds: %s (%s bytes)\n' "$out" "$(wc -c <"$out")"
  else
    printf 'feeds: %s is up to date\n' "$out"
  fi
done
