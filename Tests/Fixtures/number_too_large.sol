// A literal far beyond 2^256 (it is 10^80).
// @expect-error 5:16 "does not fit"
contract Huge {
    function f() public pure returns (uint) {
        return 100000000000000000000000000000000000000000000000000000000000000000000000000000000;
    }
}
