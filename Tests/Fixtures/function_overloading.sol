// Overloads are told apart by their number of arguments; a call that no overload takes, or
// that several take, is said so.
// @expect-error 17:9 "no overload takes that many"
// @expect-error 18:9 "by argument type"
contract Overloads {
    uint256 internal x;
    function add(uint256 a) internal {
        x += a;
    }
    function add(uint256 a, uint256 b) internal {
        x += a + b;
    }
    function add(address a) internal {
        x += uint160(a);
    }
    function f() public {
        add(1, 2, 3);
        add(1);
    }
}
