// The arguments of a call among overloads of one arity are typed twice (to choose the
// overload, then against its parameters); the division by a value that may be zero in one is
// still one built-in check, `panic@13:25` (it was two, both named `panic@13:25:25`).
// @expect Overloads.panic@13:25 violated
contract Overloads {
    function pick(uint256 a) internal pure returns (uint256) {
        return a;
    }
    function pick(bytes memory b) internal pure returns (uint256) {
        return b.length;
    }
    function f(uint256 x, uint256 d) external pure returns (uint256) {
        return pick(x / d);
    }
}
