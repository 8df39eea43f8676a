#!/usr/bin/env bash
# The whole test suite. Installs what is missing first (scripts/setup.sh).
#   0. formatting (rustfmt.toml) and lints (clippy -D warnings, native and wasm32)
#   1. native unit and determinism tests of the simulation, chapters, view,
#      session (intents in, page and pictures out) and the golden files
#   2. the platform-free crates build for a bare no_std target (wasm32v1-none)
#   3. wasm-bindgen tests of the web crate in headless Chromium (including
#      the golden state digests, computed in the browser)
#   4. truth checks: the Go listings, compiler messages, program output and
#      allocator numbers against the real Go 1.27.3 toolchain
#   5. release build of the site, then end-to-end tests in headless Chromium
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format and lints"
cargo fmt --all --check
cargo clippy --offline --workspace --all-targets -- -D warnings
cargo clippy --offline -p explainer-web --target wasm32-unknown-unknown --all-targets -- -D warnings
# The session's library for wasm32 (its native tests use proptest, which does not build there).
cargo clippy --offline -p session --target wasm32-unknown-unknown -- -D warnings

step "native tests"
cargo test --offline --workspace --exclude explainer-web --exclude truth

step "no_std build for a bare target"
cargo build --offline --target wasm32v1-none -p memsim -p chapters -p memview -p session

step "browser tests (wasm-bindgen-test, headless Chromium)"
cargo test --offline -p explainer-web --target wasm32-unknown-unknown

step "truth checks against the real Go toolchain"
# One test at a time: benchmarks measured side by side would disturb each other.
GO="$PWD/.venv-go/bin/go" cargo test --offline -p truth -- --test-threads=1

step "release build"
scripts/build.sh

step "end-to-end tests (headless Chromium)"
node --test --test-concurrency=1 tests/e2e/
