// Several return values, named or not: returned as a tuple, declared from (with a
// component left out), assigned to state and swapped in one assignment; a public function
// returning two values is an entry point like any other.
// @expect assert@37 proved
// @expect assert@38 proved
// @expect assert@43 proved
// @expect assert@44 violated
pragma solidity ^0.8.20;

contract Tuples {
    uint256 internal low;
    uint256 internal high;

    function ordered(uint256 a, uint256 b) internal pure returns (uint256, uint256) {
        if (a <= b) return (a, b);
        return (b, a);
    }

    function split(uint256 x) internal pure returns (uint256 quotient, uint256 remainder) {
        quotient = x / 10;
        remainder = x % 10;
    }

    function bounds() public view returns (uint256, uint256) {
        return (low, high);
    }

    function set(uint256 a, uint256 b) public {
        (low, high) = ordered(a, b);
    }

    function check(uint256 x) public view {
        (uint256 q, uint256 r) = split(x);
        (, uint256 h) = bounds();
        uint256 l;
        (l, ) = bounds();
        assert(q * 10 + r == x);
        assert(l <= h);
    }

    function swap() public {
        (low, high) = (high, low);
        assert(high <= low || low == high || high >= low);
        assert(low <= high);
    }
}
