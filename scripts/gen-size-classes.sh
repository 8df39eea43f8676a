#!/usr/bin/env bash
# Regenerates crates/memsim/src/size_class_table.rs, Go's size-class table,
# from crates/memsim/data/go-sizeclasses.tsv: the table in the header comment
# of Go 1.27.3's src/internal/runtime/gc/sizeclasses.go, tab-separated.
#
#   scripts/gen-size-classes.sh                         # from the TSV
#   scripts/gen-size-classes.sh path/to/sizeclasses.go  # from Go's own file
#
# The generator is crates/memsim/examples/gen_size_classes.rs. The native
# tests (crates/memsim/tests/size_class_table.rs) fail when the committed
# file is not its output for the TSV; the truth checks
# (tests/truth/tests/runtime.rs) compare the table with the installed Go's
# sizeclasses.go.
set -euo pipefail
input=()
if [ $# -gt 0 ]; then
  input=("$(cd "$(dirname "$1")" && pwd)/$(basename "$1")")
fi
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
out=crates/memsim/src/size_class_table.rs
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
cargo run --quiet --offline -p memsim --example gen_size_classes -- ${input[@]+"${input[@]}"} >"$tmp"
if cmp -s "$tmp" "$out"; then
  echo "$out is up to date"
else
  cp "$tmp" "$out"
  echo "wrote $out"
fi
