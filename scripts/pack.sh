#!/usr/bin/env bash
# `make pack`: the npm distributable. Stages pkg-config/package.json (its version set from
# Cargo.toml), README.md, LICENSE (if any) and dist/ in out/package/, then `npm pack`s it into
# out/. Expects dist/ to be built (make pack does).
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
rm -rf out/package
mkdir -p out/package
cp -R dist out/package/dist
cp README.md out/package/
[ -f LICENSE ] && cp LICENSE out/package/
node -e '
  const fs = require("fs");
  const pkg = JSON.parse(fs.readFileSync("pkg-config/package.json", "utf8"));
  pkg.version = process.argv[1];
  fs.writeFileSync("out/package/package.json", JSON.stringify(pkg, null, 2) + "\n");
' "$version"
(cd out/package && npm pack --pack-destination .. --loglevel=warn)
