#!/usr/bin/env bash
# Builds the release site and prints its size and speed against the budgets
# (see tests/bench/bench.mjs). Installs, once, the tools only the benchmark
# uses: twiggy (the wasm's largest items) and Lighthouse (in .bench-tools/).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
command -v twiggy >/dev/null || cargo install --locked twiggy@0.8.0
[ -f .bench-tools/node_modules/lighthouse/cli/index.js ] || npm install --prefix .bench-tools --no-audit --no-fund --no-save lighthouse@13.5.0 >/dev/null
scripts/build.sh
node tests/bench/bench.mjs
