#!/usr/bin/env bash
# Writes a contract with the first N (1..10) of ten public functions and the parametric rule
# "only the owner changes the owner" (`call any`), for the benchmark of docs/BENCHMARKS.md.
# Usage: Benchmarks/parametric_rule.sh N > file.vigil
set -euo pipefail
n=${1:-10}
functions=(
  'function deposit() public payable { require(!paused); balances[msg.sender] += msg.value; total += msg.value; }'
  'function withdraw(uint a) public { require(balances[msg.sender] >= a); balances[msg.sender] -= a; total -= a; (bool ok, ) = msg.sender.call{value: a}(""); require(ok); }'
  'function setFee(uint f) public { require(msg.sender == owner); require(f <= 100); fee = f; }'
  'function pause() public { require(msg.sender == owner); paused = true; }'
  'function unpause() public { require(msg.sender == owner); paused = false; }'
  'function transferOwnership(address n) public { require(msg.sender == owner); require(n != address(0)); owner = n; }'
  'function move(address to, uint a) public { require(balances[msg.sender] >= a); balances[msg.sender] -= a; balances[to] += a; }'
  'function burn(uint a) public { require(balances[msg.sender] >= a); balances[msg.sender] -= a; total -= a; }'
  'function charge(address who) public { require(msg.sender == owner); require(balances[who] >= fee); balances[who] -= fee; balances[owner] += fee; }'
  'function touch() public { fee = fee + 0; }'
)
echo "contract Registry$n {"
echo "    address owner;"
echo "    mapping(address => uint) balances;"
echo "    uint total;"
echo "    uint fee;"
echo "    bool paused;"
echo "    constructor() { owner = msg.sender; }"
for ((i = 0; i < n; i++)); do echo "    ${functions[$i]}"; done
echo "    rule onlyOwnerChangesOwner(address s) {"
echo "        address old = owner;"
echo "        call any from s;"
echo "        assert(owner == old || s == old);"
echo "    }"
echo "}"
