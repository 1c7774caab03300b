#!/usr/bin/env bash
# Installs, idempotently, everything `make dist/demo/test/bench` need on a fresh machine,
# from the project's own files: the wasm32 target, clippy/rustfmt, the wasm-bindgen CLI at
# exactly Cargo.lock's version, the npm tools in tests/e2e (playwright-core, axe-core,
# binaryen's wasm-opt, esbuild) and Debian's chromium + chromedriver.
# Each step prints what it installs, or that it was already there.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

# Run a command as root (CI and these machines run as root; elsewhere use sudo).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# 1. Rust target and components.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "installing rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
else
  say "rust target wasm32-unknown-unknown: present"
fi
for comp in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$comp"; then
    say "installing rust component $comp"
    rustup component add "$comp"
  fi
done

# 2. wasm-bindgen CLI, equal to the wasm-bindgen crate in Cargo.lock. Installed without
#    --locked: with it, the install fails here (its lock wants a crate newer than the
#    registry serves; see shared/reference/toolchain.md).
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$want" ]; then
  say "Cargo.lock names no wasm-bindgen crate; skipping the wasm-bindgen CLI"
else
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (found: ${have:-none}); takes ~3 min"
    cargo install wasm-bindgen-cli --version "=$want" --force
  else
    say "wasm-bindgen-cli $want: present"
  fi
fi

# 3. npm tools for the build, browser tests and benchmark. Reinstalled when node_modules
#    is missing or was installed from a different package-lock.json.
stamp=tests/e2e/node_modules/.setup-lock-sha256
lock_sum=$(sha256sum tests/e2e/package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  say "installing npm packages in tests/e2e (npm ci)"
  (cd tests/e2e && npm ci --no-audit --no-fund)
  echo "$lock_sum" >"$stamp"
else
  say "npm packages in tests/e2e: present"
fi

# 4. Debian's chromium and chromedriver (headless browser tests, wasm-bindgen-test).
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Debian packages chromium chromium-driver"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
else
  say "chromium + chromedriver: present"
fi
