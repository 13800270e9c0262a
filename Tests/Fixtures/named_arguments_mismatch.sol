// Named arguments must name each parameter once.
// @expect-error 10:21 "the named arguments do not match the parameters (a, b): no 'b', 'c' is not a parameter"
// @expect-error 11:21 "the named arguments do not match the parameters (a, b): 'a' twice"
contract C {
    function g(uint256 a, uint256 b) internal pure returns (uint256) {
        return a + b;
    }

    function f() public pure returns (uint256) {
        uint256 x = g({a: 1, c: 2});
        uint256 y = g({a: 1, a: 2});
        return x + y;
    }
}
