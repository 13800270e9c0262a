// A literal that does not fit the type it is used at (uint8 holds 0..255).
// @expect-error 5:19 "does not fit"
contract TooBig {
    function f() public pure returns (uint8) {
        uint8 x = 256;
        return x;
    }
}
