#!/usr/bin/env bash
# Assembles out/demo/ (www/demo/* + dist/* + a generated 2,000-meeting demo-feed.json) and
# serves it on 127.0.0.1:$PORT (default 8080). Expects dist/ to be built (make demo does).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8080}

rm -rf out/demo
mkdir -p out/demo
if [ -d www/demo ]; then
  cp -R www/demo/. out/demo/
else
  echo "demo: warning: www/demo/ is missing; serving dist/ and the feed only" >&2
fi
cp -R dist/. out/demo/
cargo run --quiet --release --bin meeting-search -- generate --meetings 2000 --seed 7 \
  >out/demo/demo-feed.json.tmp
mv out/demo/demo-feed.json.tmp out/demo/demo-feed.json

echo
echo "demo: serving out/demo/ at http://127.0.0.1:$port/  (Ctrl-C stops it)"
exec python3 -m http.server --bind 127.0.0.1 --directory out/demo "$port"
