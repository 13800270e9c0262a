#!/usr/bin/env bash
# Writes a vault with N public functions (deposit, withdraw and N - 2 others that change state
# of their own) whose withdraw() hands over control H times (H - 1 calls of a hook, then the
# payout), for the scale benchmark of issue 18 (docs/BENCHMARKS.md). `vulnerable` pays out
# before zeroing the caller's balance (one re-entrant withdraw() breaks `solvent`); `fixed`
# zeroes it first (`solvent` is proved); `locked` pays out first too, but every function that
# changes state holds an OpenZeppelin-style lock (`solvent` is proved: every re-entrant call reverts).
# Usage: Benchmarks/family.sh N H vulnerable|fixed|locked > file.vigil
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
lock=""
if [ "$kind" = locked ]; then
    lock=" nonReentrant"
    echo "    uint256 private status = 1;"
    echo ""
    echo "    modifier nonReentrant() {"
    echo "        require(status != 2, \"reentrant call\");"
    echo "        status = 2;"
    echo "        _;"
    echo "        status = 1;"
    echo "    }"
fi
echo ""
echo "    constructor(IHook h) { hook = h; }"
echo ""
echo "    function deposit() public payable$lock { balances[msg.sender] += msg.value; }"
echo ""
echo "    function withdraw() public$lock {"
echo "        uint256 amount = balances[msg.sender];"
[ "$kind" = fixed ] && echo "        balances[msg.sender] = 0;"
for ((i = 1; i < h; i++)); do echo "        hook.ping(amount);"; done
echo "        (bool ok, ) = msg.sender.call{value: amount}(\"\");"
echo "        require(ok);"
[ "$kind" = fixed ] || echo "        balances[msg.sender] = 0;"
echo "    }"
for ((i = 0; i < n - 2; i++)); do
    echo ""
    echo "    function f$i(uint256 x) public$lock { c$i = c$i + (x % 7); }"
done
echo ""
echo "    invariant solvent: address(this).balance >= sum(balances);"
echo "}"
