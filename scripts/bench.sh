#!/usr/bin/env bash
# Builds the release site and prints its size and speed (see tests/bench).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
node tests/bench/bench.mjs
