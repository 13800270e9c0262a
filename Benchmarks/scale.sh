#!/usr/bin/env bash
# The scale benchmark of issue 18: the vault family of Benchmarks/family.sh with N public
# functions (5, 10, 20, 40) and H handovers in withdraw() (1, 3), each twin checked by a
# release build with the default options (`--engine auto`). Prints one line per contract:
# the verdict, the wall time of the whole process and the Z3 rlimit count (machine-independent).
# Usage: Benchmarks/scale.sh [VIGIL]   (default: a release build made here)
set -euo pipefail
cd "$(dirname "$0")/.."
vigil=${1:-}
if [ -z "$vigil" ]; then
    swift build -c release --product vigil >/dev/null
    vigil=.build/release/vigil
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf "%-4s %-3s %-11s %-10s %9s %14s\n" N H twin verdict "wall s" "rlimit count"
for n in 5 10 20 40; do
    for h in 1 3; do
        for kind in vulnerable fixed locked; do
            file="$work/family-$n-$h-$kind.vigil"
            Benchmarks/family.sh "$n" "$h" "$kind" >"$file"
            start=$(date +%s.%N)
            out=$("$vigil" check "$file" --verbose 2>&1 || true)
            end=$(date +%s.%N)
            verdict=$(echo "$out" | grep -oE "solvent: [a-z]+" | head -1 | cut -d' ' -f2)
            count=$(echo "$out" | grep -oE "rlimit count [0-9]+" | head -1 | cut -d' ' -f3)
            printf "%-4s %-3s %-11s %-10s %9.2f %14s\n" "$n" "$h" "$kind" "$verdict" "$(awk "BEGIN { print $end - $start }")" "$count"
        done
    done
done
