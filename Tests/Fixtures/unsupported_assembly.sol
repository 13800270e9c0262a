// Inline assembly is outside the subset; reported at `assembly`. The
// assembly block is skipped.
// @expect-error 7:9 "not supported yet"
contract Assembly {
    function f() public pure returns (uint) {
        uint y = 1;
        assembly {
            y := 2
        }
        return y;
    }
}
