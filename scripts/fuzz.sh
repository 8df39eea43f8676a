#!/usr/bin/env bash
# Random and mutated input through the real parsers and the collector model,
# natively: a million links, a million embed messages, a hundred thousand
# programs (crates/fuzz). Options pass through: --links N --messages N
# --programs N --seed S --full K (every K-th case runs a whole session).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
cargo run --offline --profile fuzz -p fuzz --quiet -- "$@"
