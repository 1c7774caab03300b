#!/usr/bin/env bash
# Builds the release widget into dist/ (or $DIST_DIR) as notes/contracts.md says:
#   cargo (wasm32, release) -> wasm-bindgen --target web -> wasm-opt (flags from
#   pkg-config/wasm-opt.flags) -> esbuild minifies the glue and the loader (an IIFE of
#   www/feed-store.js then www/meeting-search.js) -> dist/.
# Tools come from scripts/setup.sh (wasm-bindgen CLI, tests/e2e/node_modules/.bin).
# Honours CARGO_TARGET_DIR and CARGO_PROFILE_RELEASE_* (bench/profiles.sh uses them).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bin=tests/e2e/node_modules/.bin
crate=meeting_search
out=${DIST_DIR:-dist}
target_dir=${CARGO_TARGET_DIR:-target}
work=$target_dir/dist-work
js_target=$(tr -d '\n' <pkg-config/js-target)
read -r -a opt_flags <<<"$(grep -v '^#' pkg-config/wasm-opt.flags | tr '\n' ' ')"
minify() { "$bin/esbuild" "$@" --minify --target="$js_target" --log-level=warning; }
step() { printf '\ndist: %s\n' "$*"; }

step "cargo build --lib --target wasm32-unknown-unknown --release"
cargo build --lib --target wasm32-unknown-unknown --release

rm -rf "$work" "$out"
mkdir -p "$work" "$out"
step "wasm-bindgen $(wasm-bindgen --version | awk '{print $2}') --target web"
wasm-bindgen --target web --no-typescript --out-dir "$work" \
  "$target_dir/wasm32-unknown-unknown/release/$crate.wasm"

step "wasm-opt ${opt_flags[*]}"
"$bin/wasm-opt" "${opt_flags[@]}" "$work/${crate}_bg.wasm" -o "$out/${crate}_bg.wasm"

step "esbuild --minify the glue (ES module)"
minify "$work/$crate.js" --format=esm --outfile="$out/$crate.js"

# The loader: one classic script, an IIFE holding feed-store.js then meeting-search.js, so
# that feedStore is private to it and only MeetingSearch (set by meeting-search.js) is global.
step "loader: IIFE of www/feed-store.js + www/meeting-search.js, minified"
{
  printf '(() => {\n"use strict";\n'
  for part in www/feed-store.js www/meeting-search.js; do
    if [ -f "$part" ]; then
      printf '// ---- %s\n' "$part"
      cat "$part"
      printf '\n'
    else
      echo "dist: warning: $part is missing; the loader is built without it" >&2
    fi
  done
  printf '})();\n'
} >"$work/loader.js"
minify "$work/loader.js" --outfile="$out/meeting-search.js"

shopt -s nullglob
# The service worker is copied as is (notes/contracts.md): it is not part of what a visitor
# downloads for the widget, and the minified one failed offline.test.mjs's offline reload.
if [ -f www/sw.js ]; then
  cp www/sw.js "$out/sw.js"
fi
for css in www/*.css; do
  minify "$css" --outfile="$out/$(basename "$css")"
done
types=(www/types/*.json)
if [ ${#types[@]} -gt 0 ]; then
  mkdir -p "$out/types"
  cp "${types[@]}" "$out/types/"
fi

step "$out/ is ready:"
ls -l "$out"
