#!/usr/bin/env bash
# Builds the release site and serves it on http://127.0.0.1:8080 (or $PORT).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
PORT="${PORT:-8080}"
echo "Serving the explainer at http://127.0.0.1:$PORT/  (Ctrl-C to stop)"
exec trunk serve --release --offline --no-autoreload --address 127.0.0.1 --port "$PORT"
