// Libraries are outside the subset; reported at `library`. The library's
// body is skipped (no further errors).
// @expect-error 4:1 "not supported yet"
library MathLib {
    function twice(uint x) internal pure returns (uint) {
        return 2 * x;
    }
}

contract UsesNothing {
    uint x;
}
