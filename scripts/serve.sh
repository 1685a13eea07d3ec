#!/usr/bin/env bash
# Builds the release wasm lesson into dist/ and serves it at http://127.0.0.1:8000/
# (PORT=... to change the port; HOST=0.0.0.0 to serve a classroom's network, which prints
# the addresses to give learners). Installs whatever is missing first.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./scripts/bootstrap.sh
cmake --preset wasm >/dev/null
cmake --build --preset wasm --target site
port=${PORT:-8000}
host=${HOST:-127.0.0.1}
echo "Lesson built in $root/dist. Open http://127.0.0.1:$port/ (Ctrl+C to stop)."
exec node scripts/static-server.mjs dist "$port" "$host"
