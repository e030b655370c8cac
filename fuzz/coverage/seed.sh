#!/usr/bin/env bash
# Builds the seed corpus (corpus/read/, not committed): every bundled and test report, its
# first byte the selector of its kind and of each form (see fuzz_targets/read.rs).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/read
kind() {
  case "$1" in
    *.html) echo 0 ;; *.txt|*.md) echo 1 ;; *.csv) echo 2 ;; *.json) echo 3 ;; *.pdf) echo 4 ;;
    *.xlsx) echo 5 ;; *.docx) echo 6 ;; *) echo "" ;;
  esac
}
for file in ../../examples/reports/* ../../tests/data/reports/* ../../tests/data/reports/partial/*; do
  k=$(kind "$file")
  [ -n "$k" ] || continue
  for form in 0 1 2; do
    selector=$(( k + 7 * form ))
    { printf "\\x$(printf %02x "$selector")"; cat "$file"; } > "corpus/read/$(basename "$file").$form"
  done
done
# The bundled report as the CLI renders it, in the two Office formats.
cli=../../target/release/baobiao
if [ -x "$cli" ]; then
  for to in xlsx docx; do
    "$cli" render ../../examples/reports/xiangtan-county-police-2024.json --to "$to" -o "corpus/bundled.$to"
    k=$(kind "corpus/bundled.$to")
    { printf "\\x$(printf %02x "$k")"; cat "corpus/bundled.$to"; } > "corpus/read/bundled.$to.0"
    rm "corpus/bundled.$to"
  done
fi
ls corpus/read | wc -l
