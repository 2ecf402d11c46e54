#!/usr/bin/env bash
# Coverage-guided fuzzing of the dataset loader with libFuzzer.
#
#   Scripts/fuzz/run.sh [SECONDS]      (default 60)
#   Scripts/fuzz/run.sh --runs N       (N inputs from a fixed seed: what CI runs)
#
# Builds the DealModel sources with Scripts/fuzz/LoaderFuzz.swift using
# `swiftc -sanitize=fuzzer,address`, seeds the corpus with every JSON fixture in
# Tests/Fixtures, and fuzzes for SECONDS. A crash or hang leaves its input in
# .build-fuzz/; copy it to Tests/Fixtures/fuzz/ (it becomes a regression test in
# DealModelTests) and fix the loader. For a long run: Scripts/fuzz/run.sh 3600.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
limit=(-max_total_time="${1:-60}")
if [[ "${1:-}" == --runs ]]; then limit=(-runs="${2:?--runs needs a count}" -seed=1); fi
out=.build-fuzz
mkdir -p "$out/corpus"
# DealModel imports TerminalText (the one sanitizer): built first as a static module.
swiftc -O -sanitize=address -parse-as-library -module-name TerminalText -emit-module -emit-module-path "$out/TerminalText.swiftmodule" \
    -emit-library -static $(find Sources/TerminalText -name '*.swift') -o "$out/libTerminalText.a"
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name DealModel -I "$out" -L "$out" -lTerminalText \
    $(find Sources/DealModel -name '*.swift') Scripts/fuzz/LoaderFuzz.swift -o "$out/loader-fuzz"
for f in $(find Tests/Fixtures -name '*.json'); do cp "$f" "$out/corpus/seed-$(echo "$f" | tr '/' '_')"; done
cd "$out"
export SWIFT_DETERMINISTIC_HASHING=1  # the same inputs take the same paths every run
./loader-fuzz "${limit[@]}" -max_len=8192 -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 corpus
