// A recursive internal call (internal calls are inlined, so recursion is an
// error); reported at the recursive call.
// @expect-error 9:20 "recursive"
contract Recursive {
    function fact(uint n) internal pure returns (uint) {
        if (n == 0) {
            return 1;
        }
        return n * fact(n - 1);
    }

    function run(uint n) public pure returns (uint) {
        return fact(n);
    }
}
