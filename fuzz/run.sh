#!/usr/bin/env bash
# Runs the structured mutation fuzzer of the readers for SECONDS (default 600) on every core but
# one, and prints executions and crashes. Not part of CI. Crashing inputs land in fuzz/crashes/.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
cargo build --release --quiet
jobs=$(( $(nproc) > 1 ? $(nproc) - 1 : 1 ))
for i in $(seq 1 "$jobs"); do
  ./target/release/baobiao-fuzz "$seconds" "$i" ../examples/reports ../tests/data/reports &
done
wait
