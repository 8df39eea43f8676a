#!/usr/bin/env bash
# Builds the release site into dist/ (wasm-opt'd), offline.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --release --offline "$@"
