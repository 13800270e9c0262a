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
# The unbounded engine (issue 4): the fixed vault's proof (goal: under 1 s) and a token's
# totalSupply == sum(balances) across mint, burn, transfer, approve, transferFrom (goal: 3 s).
run check examples/vault_fixed.vigil --engine prove
run check examples/erc20_supply.vigil --engine prove
# A parametric rule (`call any`) over 2 to 10 public functions (goal: 10 in under 2 s).
for n in 2 4 6 8 10; do
    Benchmarks/parametric_rule.sh "$n" > "/tmp/vigil-parametric-$n.vigil"
    run check "/tmp/vigil-parametric-$n.vigil"
done
# Scale (issue 18): the vault family with N public functions and H handovers, each twin.
Benchmarks/scale.sh "$vigil"
