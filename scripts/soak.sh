#!/usr/bin/env bash
# Autoplays every chapter in a loop for [minutes] (default 60), in the page
# and in embed mode, sampling wasm memory and the JS heap each minute; fails
# on more than 5% growth after the first five minutes or a console message.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
node tests/bench/soak.mjs "${1:-60}"
