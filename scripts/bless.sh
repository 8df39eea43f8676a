#!/usr/bin/env bash
# Rewrites the golden files (state digests of every step, a few display
# lists) after an intended change; review the diff before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
BLESS=1 cargo test --offline -p session --test golden
git --no-pager diff --stat -- crates/session/tests/golden
