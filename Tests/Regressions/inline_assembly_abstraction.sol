// Inline assembly is over-approximated, never ignored: each assert below would be `proved` if
// the block were skipped, and each depends on what the block does, so none may be `proved`
// (the interpreter does not run assembly, so a counterexample through it is `unknown`).
// @expect assert@19 unknown
// @expect assert@25 unknown
// @expect assert@30 unknown
// @expect assert@35 proved
// @expect-prove assert@19 unknown
// @expect-prove assert@25 unknown
// @expect-prove assert@30 unknown
pragma solidity ^0.8.20;

contract AssemblyAbstraction {
    uint256 public x;
    uint256 public y;

    function poke() public {
        assembly { sstore(0, 5) }
        assert(x == 0);
    }

    function maybe(uint256 v) public {
        assembly { if gt(v, 10) { revert(0, 0) } }
        y = v;
        assert(y <= 10);
    }

    function set(uint256 v) public pure returns (uint256 w) {
        assembly { w := add(v, 1) }
        assert(w != v + 1);
    }

    function untouched(uint256 v) public pure returns (uint256 w) {
        assembly { let t := add(v, 1) }
        assert(v == v);
    }
}
