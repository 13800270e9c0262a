#!/usr/bin/env bash
# Vigil's benchmarks: whole-process timings of a release build on the examples, and where
# the time goes (`--verbose`). Results and the machine they ran on: docs/BENCHMARKS.md.
# Uses hyperfine when it is installed (apt-get install hyperfine), /usr/bin/time otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product vigil >/dev/null
vigil=.build/release/vigil

run() {
    echo "## $*"
    if command -v hyperfine >/dev/null; then
        hyperfine --warmup 1 --runs 5 -i "$vigil $*" 2>/dev/null | grep -E "Time|Range"
    else
        /usr/bin/time -f "%e s wall, %M KiB" "$vigil" "$@" >/dev/null || true
    fi
    "$vigil" "$@" --verbose 2>&1 >/dev/null | tail -1
}

# The design's vault: counterexample (goal: under 0.3 s with process start).
run check examples/vault_reentrancy.vigil
# The fixed vault at depth 8 with the default reentrancy bounds (goal: under 5 s).
run check examples/vault_fixed.vigil --depth 8
# Growth with depth, reentrancy R and calls per handover W.
for d in 2 4 6 8 10; do run check examples/vault_fixed.vigil --depth "$d"; done
for r in 0 1 2 3; do run check examples/vault_fixed.vigil --reentrancy "$r"; done
for w in 1 2 3; do run check examples/vault_fixed.vigil --reentrant-calls "$w"; done
# Every example, as the README's command runs them.
run check examples
