#!/usr/bin/env bash
# Writes a vault with N public functions (deposit, withdraw and N - 2 others that change state
# of their own) whose withdraw() hands over control H times (H - 1 calls of a hook, then the
# payout), for the scale benchmark of issue 18 (docs/BENCHMARKS.md). `vulnerable` pays out
# before zeroing the caller's balance (one re-entrant withdraw() breaks `solvent`); `fixed`
# zeroes it first (`solvent` is proved).
# Usage: Benchmarks/family.sh N H vulnerable|fixed > file.vigil
set -euo pipefail
n=${1:-5}
h=${2:-1}
kind=${3:-vulnerable}
name="Family${n}x${h}${kind^}"
echo "interface IHook {"
echo "    function ping(uint256 amount) external;"
echo "}"
echo ""
echo "contract $name {"
echo "    mapping(address => uint256) internal balances;"
echo "    IHook internal hook;"
for ((i = 0; i < n - 2; i++)); do echo "    uint256 internal c$i;"; done
echo ""
echo "    constructor(IHook h) { hook = h; }"
echo ""
echo "    function deposit() public payable { balances[msg.sender] += msg.value; }"
echo ""
echo "    function withdraw() public {"
echo "        uint256 amount = balances[msg.sender];"
[ "$kind" = fixed ] && echo "        balances[msg.sender] = 0;"
for ((i = 1; i < h; i++)); do echo "        hook.ping(amount);"; done
echo "        (bool ok, ) = msg.sender.call{value: amount}(\"\");"
echo "        require(ok);"
[ "$kind" = fixed ] || echo "        balances[msg.sender] = 0;"
echo "    }"
for ((i = 0; i < n - 2; i++)); do
    echo ""
    echo "    function f$i(uint256 x) public { c$i = c$i + (x % 7); }"
done
echo ""
echo "    invariant solvent: address(this).balance >= sum(balances);"
echo "}"
