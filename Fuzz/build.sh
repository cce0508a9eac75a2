#!/usr/bin/env bash
# Builds the libFuzzer target for the dataset reader and number parsers (Fuzz/FuzzDatasets.swift) with
# Swift's -sanitize=fuzzer,address over the TSCore and TSStudies sources, compiled as one module (their
# `import TSCore` lines removed in a copy). Output: $FUZZ_OUT/fuzz-datasets (default /tmp/trialstats-fuzz).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${FUZZ_OUT:-/tmp/trialstats-fuzz}"
src="$out/src"
rm -rf "$src"; mkdir -p "$src"
for f in "$root"/Sources/TSCore/*.swift "$root"/Sources/TSStudies/*.swift; do
    sed '/^import TSCore$/d' "$f" > "$src/$(basename "$(dirname "$f")")_$(basename "$f")"
done
cp "$root/Fuzz/FuzzDatasets.swift" "$src/"
swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name FuzzDatasets "$src"/*.swift \
    -o "$out/fuzz-datasets" 2>&1 | grep -v "Cannot export local symbol" || true
test -x "$out/fuzz-datasets"
echo "$out/fuzz-datasets"
