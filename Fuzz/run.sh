#!/usr/bin/env bash
# Fuzzes the front end (lexer, parser, semantic analysis, diagnostics) with libFuzzer and
# AddressSanitizer for SECONDS seconds (default 60), seeded from examples/, specs/ and
# Tests/Fixtures/; docs/RELIABILITY.md records the runs. Any crash, sanitizer report or input
# slower than 1 s fails the run, and libFuzzer leaves the input in Fuzz/findings/.
# Usage: Fuzz/run.sh [SECONDS] [extra libFuzzer flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true

swift build -c release --product vigil-fuzz --build-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld 2>&1 | grep -v "Cannot export local symbol" | tail -3

corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
find examples specs Tests/Fixtures Tests/Regressions Tests/Examples -type f \
    \( -name '*.sol' -o -name '*.vigil' -o -name '*.spec' \) -size -64k -exec cp {} "$corpus/" \; 2>/dev/null || true
mkdir -p Fuzz/findings

# -timeout=1: an input slower than 1 s is a failure; -rss_limit_mb bounds memory.
.build-fuzz/release/vigil-fuzz "$corpus" -dict=Fuzz/solidity.dict -max_total_time="$seconds" \
    -timeout=1 -rss_limit_mb=2048 -max_len=8192 -artifact_prefix=Fuzz/findings/ -print_final_stats=1 "$@"
