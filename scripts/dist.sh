#!/usr/bin/env bash
# Builds the release widget into dist/ (or $DIST_DIR) as notes/contracts.md says:
#   cargo (wasm32, release) -> wasm-bindgen --target web -> panics trap at once
#   (scripts/panic-abort.mjs) -> dead table slots stubbed (scripts/dead-slots.mjs) -> wasm-opt (flags from
#   pkg-config/wasm-opt.flags) -> short import and export names (scripts/short-names.mjs) -> the
#   glue trimmed to what the loader runs (scripts/trim-glue.mjs) -> esbuild bundles the loader
#   (one IIFE of the glue, www/feed-store.js and www/meeting-search.js) and minifies it -> dist/.
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

# `--emit-relocs` (a link argument, so only this crate's link changes): wasm-ld keeps its
# relocations in `linking` and `reloc.*` sections, which scripts/dead-slots.mjs reads. The
# code and data are the same (the dist wasm is byte for byte the one without it) but for an
# all-zero .bss segment, which wasm-opt drops.
step "cargo rustc --lib --target wasm32-unknown-unknown --release -- -C link-arg=--emit-relocs"
cargo rustc --lib --target wasm32-unknown-unknown --release -- -C link-arg=--emit-relocs

rm -rf "$work" "$out"
mkdir -p "$work" "$out"
# `--encode-into always`: every browser that runs this wasm (reference types) has
# TextEncoder#encodeInto, so the glue needs no fallback for it.
step "wasm-bindgen $(wasm-bindgen --version | awk '{print $2}') --target web"
linked=$target_dir/wasm32-unknown-unknown/release/$crate.wasm
wasm-bindgen --target web --no-typescript --encode-into always --out-dir "$work" "$linked"

# wasm-bindgen deletes its describe functions and unused exports but not the table slots of
# the functions they took the address of (45 closure shims, a JSPI waker's functions):
# dead-slots.mjs proves which slots no code that can run can reach (see its header) and
# points them at a stub, so wasm-opt drops what only they kept. It ties functions to the
# linker's relocations by their mangled names, hence a second wasm-bindgen run with
# --no-demangle (it checks that the two outputs differ in names only).
step "panics trap at once; dead table slots and panic locations"
wasm-bindgen --target web --no-typescript --encode-into always --no-demangle \
  --out-dir "$work/mangled" "$linked"
# Panics trap at once, without formatting a message that nothing shows (panic-abort.mjs says
# why that is safe), in both outputs alike and before dead-slots, which then also finds the
# slots and data only the formatting reached (the payload vtables, core::fmt's functions)
# and zeroes the panic locations (file names, lines, columns) that only it read.
node scripts/panic-abort.mjs "$work/mangled/${crate}_bg.wasm"
node scripts/panic-abort.mjs "$work/${crate}_bg.wasm"
node scripts/dead-slots.mjs "$linked" "$work/mangled/${crate}_bg.wasm" "$work/${crate}_bg.wasm"

step "wasm-opt ${opt_flags[*]}"
"$bin/wasm-opt" "${opt_flags[@]}" "$work/${crate}_bg.wasm" -o "$out/${crate}_bg.wasm"

# The glue as wasm-bindgen wrote it stays in $work for `make wasm-top`, which renames the
# imports of its named wasm the same way.
step "short import and export names (wasm and glue)"
cp "$work/$crate.js" "$work/$crate.orig.js"
node scripts/short-names.mjs "$out/${crate}_bg.wasm" "$work/$crate.js"
step "trim the glue to what the loader runs"
node scripts/trim-glue.mjs "$work/$crate.js"

# The loader: one classic script. esbuild bundles an entry that imports the trimmed glue (an
# ES module: its init as `msInit`, its Widget class as `MsWidget`), then feed-store.js and
# meeting-search.js, into one IIFE: only MeetingSearch (set by meeting-search.js) is global,
# and the page fetches one script, not a script and a module. $work/meeting-search.js is the
# same bundle unminified (bench/cpu-profile.mjs serves it for named stack frames).
step "loader: one IIFE of the glue, www/feed-store.js and www/meeting-search.js"
{
  printf '// Built by scripts/dist.sh from the glue, www/feed-store.js and www/meeting-search.js.\n'
  printf 'import msInit, { Widget as MsWidget } from "./%s.js";\n' "$crate"
  for part in www/feed-store.js www/meeting-search.js; do
    if [ -f "$part" ]; then
      printf '// ---- %s\n' "$part"
      cat "$part"
      printf '\n'
    else
      echo "dist: warning: $part is missing; the loader is built without it" >&2
    fi
  done
} >"$work/loader.js"
# `"use strict"` as before: a module is strict, but esbuild's IIFE of one is not marked so.
bundle() {
  "$bin/esbuild" "$work/loader.js" --bundle --format=iife --target="$js_target" \
    --banner:js='"use strict";' --log-level=warning "$@"
}
bundle --outfile="$work/meeting-search.js"
# The glue's private properties (the Widget's pointer, a closure's release) get short names
# too: nothing outside the glue reads them.
bundle --minify --mangle-props='^(__wbg_ptr|__destroy_into_raw|_wbg_cb_unref)$' --outfile="$out/meeting-search.js"

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
