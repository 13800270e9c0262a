// Mixing signed and unsigned operands without a conversion; reported at the
// start of the binary expression.
// @expect-error 6:16 "signed"
contract Mixed {
    function f(int a, uint b) public pure returns (int) {
        return a + b;
    }
}
